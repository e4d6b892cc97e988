package org.diasporadesk.registry.imports.application;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Set;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import org.diasporadesk.chassis.web.InvalidFieldException;

/**
 * The text encoding of an uploaded file, and the file turned into UTF-8 so that the rest of the import reads one
 * encoding. Excel's "Save as CSV" writes what the office's Windows uses: Windows-1251 in Russian-speaking offices,
 * Windows-1252 or ISO-8859-1 in Latin ones, UTF-16 with a byte-order mark for "Unicode text", UTF-8 with or without
 * one. A byte-order mark decides; then the request's declared charset; then a file that is valid UTF-8 is UTF-8;
 * otherwise ICU4J's detector, shown the file's words with letters beyond ASCII, tells Cyrillic from Latin.
 */
final class UploadEncoding {

    /** Enough text for the detector to tell Cyrillic from Latin, read once. */
    private static final int SAMPLE = 64 * 1024;
    private static final Set<String> SINGLE_BYTE = Set.of("windows-1251", "windows-1252", "ISO-8859-1");

    private UploadEncoding() {
    }

    /** Rewrites the file as UTF-8 unless it is that already (a byte-order mark is skipped when it is read). */
    static void toUtf8(Path file, Charset declared) throws IOException {
        Charset charset = detect(file, declared);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return;
        }
        Path utf8 = Files.createTempFile(file.getParent(), "ddesk-import-utf8-", ".csv");
        try (BufferedReader in = new BufferedReader(Files.newBufferedReader(file, charset));
                BufferedWriter out = Files.newBufferedWriter(utf8, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
        catch (CharacterCodingException ex) {
            Files.deleteIfExists(utf8);
            throw new InvalidFieldException("file", "the file is not " + charset.name() + " text throughout. Save it "
                    + "again from the spreadsheet as \"CSV UTF-8 (comma delimited)\" and upload it again.");
        }
        Files.move(utf8, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Charset detect(Path file, Charset declared) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (declared != null) {
            return declared;
        }
        if (isUtf8(head, head.length < SAMPLE)) {
            return StandardCharsets.UTF_8;
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(wordsWithLetters(head));
        return Arrays.stream(detector.detectAll())
            .map(CharsetMatch::getName)
            .filter(SINGLE_BYTE::contains)
            .findFirst()
            .map(name -> name.equals("windows-1251") ? Charset.forName(name) : latin(head))
            .orElseGet(() -> latin(head));
    }

    /**
     * The words holding bytes above 0x7F, one space apart: ICU judges a text by its letters' statistics, and in an
     * office file the ASCII header, codes, dates and numbers outweigh the names so much that a Cyrillic file reads
     * as French.
     */
    private static byte[] wordsWithLetters(byte[] bytes) {
        ByteArrayOutputStream words = new ByteArrayOutputStream();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || isSeparator(bytes[i])) {
                boolean letters = false;
                for (int j = start; j < i && !letters; j++) {
                    letters = (bytes[j] & 0x80) != 0;
                }
                if (letters) {
                    words.write(bytes, start, i - start);
                    words.write(' ');
                }
                start = i + 1;
            }
        }
        return words.size() == 0 ? bytes : words.toByteArray();
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == ',' || b == ';' || b == '\t' || b == '"' || b == '\r' || b == '\n';
    }

    /** Latin text: Windows-1252 as Excel writes it, ISO-8859-1 where a byte is not Windows-1252. */
    private static Charset latin(byte[] bytes) {
        Charset windows1252 = Charset.forName("windows-1252");
        try {
            windows1252.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return windows1252;
        }
        catch (CharacterCodingException notWindows1252) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** Whether the bytes are UTF-8; a sample cut off mid-character at its end still counts. */
    private static boolean isUtf8(byte[] bytes, boolean whole) {
        int end = bytes.length;
        if (!whole) {
            // Step back over the continuation bytes of a character the sample cut.
            while (end > 0 && end > bytes.length - 4 && (bytes[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (bytes[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        }
        catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
