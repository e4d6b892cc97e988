package org.diasporadesk.registry.imports.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.registry.imports.domain.ImportColumn;

/**
 * An uploaded CSV file, turned into UTF-8 first ({@link UploadEncoding}): RFC 4180 quoting, a header row, columns in
 * any order, separated by commas, semicolons or tabs (whichever the header row has most of: Excel writes semicolons
 * where the decimal separator is a comma). A file with broken quoting is refused with a 400 problem naming
 * {@code file}. Read with Apache Commons CSV, one record at a time, so memory does not grow with the file.
 */
final class ImportFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .get();

    private ImportFile() {
    }

    /** Refuses a file whose header names unknown columns or lacks required ones, naming them all. */
    static List<ImportColumn> checkHeader(Path file) throws IOException {
        try (CSVParser parser = open(file)) {
            List<String> unknown = new ArrayList<>();
            List<ImportColumn> columns = new ArrayList<>();
            for (String header : parser.getHeaderNames()) {
                ImportColumn.ofHeader(header).ifPresentOrElse(columns::add, () -> unknown.add(header));
            }
            List<String> missing = Arrays.stream(ImportColumn.values())
                .filter(column -> column.required() && !columns.contains(column))
                .map(ImportColumn::header)
                .toList();
            if (!unknown.isEmpty() || !missing.isEmpty()) {
                throw new InvalidFieldException("header", (unknown.isEmpty() ? "" : "unknown columns: "
                        + String.join(", ", unknown) + ". ") + (missing.isEmpty() ? "" : "missing columns: "
                        + String.join(", ", missing) + ". ") + "The columns are described in the registry's README.");
            }
            return columns;
        }
        catch (IllegalArgumentException | IllegalStateException ex) {
            throw new InvalidFieldException("header", "the header row cannot be read: " + ex.getMessage());
        }
        catch (CSVException | CharacterCodingException ex) {
            throw unreadable(ex);
        }
        catch (UncheckedIOException ex) {
            throw unreadable(ex);
        }
    }

    /**
     * Reads the whole file once before it is queued, so that a file that cannot be read is refused at once, with a
     * problem that says where and what to do, and nothing of it is imported.
     */
    static long countRows(Path file) throws IOException {
        try (CSVParser parser = open(file)) {
            long rows = 0;
            for (CSVRecord ignored : parser) {
                rows++;
            }
            return rows;
        }
        catch (CSVException | CharacterCodingException ex) {
            throw unreadable(ex);
        }
        catch (UncheckedIOException ex) {
            throw unreadable(ex);
        }
    }

    /** The parser reports what it cannot read as an unchecked exception while it iterates. */
    private static RuntimeException unreadable(UncheckedIOException ex) {
        return ex.getCause() instanceof CSVException || ex.getCause() instanceof CharacterCodingException
                ? unreadable(ex.getCause()) : ex;
    }

    private static InvalidFieldException unreadable(IOException cause) {
        if (cause instanceof CharacterCodingException) {
            return new InvalidFieldException("file", "the file is not UTF-8 text. Save it again from the spreadsheet "
                    + "as \"CSV UTF-8 (comma delimited)\" and upload it again.");
        }
        return new InvalidFieldException("file", "the file cannot be read as CSV: " + cause.getMessage()
                + ". A value that starts with a quote must end with one; fix the quotes on that line, save the file "
                + "again and upload it again.");
    }

    /** Feeds each row, as values by column and its line in the file (the header is line 1), to the consumer. */
    static void forEachRow(Path file, RowConsumer consumer) throws IOException {
        try (CSVParser parser = open(file)) {
            // Each header's column resolved once, not for every value of the file.
            List<ImportColumn> columns = parser.getHeaderNames().stream()
                .map(header -> ImportColumn.ofHeader(header).orElse(null))
                .toList();
            for (CSVRecord record : parser) {
                Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
                for (int i = 0; i < columns.size() && i < record.size(); i++) {
                    if (columns.get(i) != null) {
                        values.put(columns.get(i), record.get(i));
                    }
                }
                consumer.accept(record.getRecordNumber() + 1, values);
            }
        }
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(long line, Map<ImportColumn, String> values) throws IOException;
    }

    private static CSVParser open(Path file) throws IOException {
        CSVFormat format = FORMAT.builder().setDelimiter(delimiterOf(file)).get();
        return CSVParser.parse(withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8)), format);
    }

    /** The separator the header row uses most outside quotes; a comma when it names one column or none. */
    static char delimiterOf(Path file) throws IOException {
        String header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = Objects.requireNonNullElse(reader.readLine(), "");
        }
        Map<Character, Integer> counts = new java.util.LinkedHashMap<>(Map.of(',', 0, ';', 0, '\t', 0));
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            else if (!quoted && counts.containsKey(c)) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        char best = ',';
        for (char candidate : new char[] { ';', '\t' }) {
            if (counts.get(candidate) > counts.get(best)) {
                best = candidate;
            }
        }
        return best;
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
