package org.diasporadesk.registry.imports.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An Excel workbook (.xlsx) uploaded instead of a CSV file: its first sheet is written out as CSV (UTF-8) and imported
 * like one. Read with Apache POI's event model, one row at a time, so memory stays flat whatever the workbook's size;
 * POI's zip checks refuse a workbook that inflates out of proportion. Cells are taken as Excel shows them, except dates,
 * written as ISO dates (2026-11-01) whatever the office's date format, since the import reads ISO dates.
 */
final class Workbook {

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };

    private Workbook() {
    }

    /** Whether the upload is a workbook (an .xlsx is a ZIP archive) rather than text. */
    static boolean isWorkbook(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ZIP.length);
            return Arrays.equals(head, ZIP);
        }
    }

    /** Replaces the workbook by its first sheet as CSV. */
    static void toCsv(Path file) throws IOException {
        Path csv = Files.createTempFile(file.getParent(), "ddesk-import-xlsx-", ".csv");
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
                Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InvalidFieldException("file", "the workbook has no sheet; put the rows on its first sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(workbook), new Rows(printer), new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        }
        catch (ParserConfigurationException serverFault) {
            Files.deleteIfExists(csv);
            throw new IOException("no XML parser could be set up for reading workbooks", serverFault);
        }
        catch (OpenXML4JException | SAXException | UnsupportedFileFormatException | POIXMLException ex) {
            Files.deleteIfExists(csv);
            throw new InvalidFieldException("file", "the file cannot be read as an Excel workbook (" + ex.getMessage()
                    + "). Save it again from the spreadsheet as .xlsx, or as \"CSV UTF-8 (comma delimited)\", and "
                    + "upload it again.");
        }
        catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(csv);
            throw ex;
        }
        Files.move(csv, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Each row as a CSV record, empty cells (which the sheet leaves out) written as empty values. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final CSVPrinter printer;
        private final List<String> values = new ArrayList<>();

        Rows(CSVPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void startRow(int rowNum) {
            values.clear();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? values.size() : new CellReference(reference).getCol();
            while (values.size() < column) {
                values.add("");
            }
            values.add(formattedValue == null ? "" : formattedValue);
        }

        @Override
        public void endRow(int rowNum) {
            try {
                printer.printRecord(values);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** As Excel shows cells, but dates as ISO dates. */
    private static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
