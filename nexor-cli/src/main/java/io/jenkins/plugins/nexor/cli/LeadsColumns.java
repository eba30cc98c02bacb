package io.jenkins.plugins.nexor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which per-lead columns a leads file may fill ({@code content}, {@code html}, {@code subject}, {@code components},
 * {@code begin_message}), from its header alone, before the leads are read: for a CSV file the ones its header
 * names; for a JSON file, or a header this cannot make out, all of them (any lead may then have its own value, and
 * the client's reading of the file says what is wrong with it). The header is found as the client's
 * {@code LeadsFile} finds it: after a byte-order mark (UTF-8, UTF-16) and blank lines, separated by a comma,
 * semicolon or tab; its names are ASCII, so UTF-8 and Windows-1252 read the same here.
 */
final class LeadsColumns {
    static final Set<String> PER_LEAD = Set.of("content", "html", "subject", "components", "begin_message");
    private static final int HEADER_BYTES = 64 * 1024;
    private static final String SEPARATORS = ",;\t";

    private LeadsColumns() {}

    static Set<String> of(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return PER_LEAD;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_BYTES);
        } catch (IOException | RuntimeException unreadable) {
            return PER_LEAD;
        }
        for (String line : text(head).split("\r\n|\r|\n")) {
            if (line.chars().allMatch(c -> Character.isWhitespace(c) || SEPARATORS.indexOf(c) >= 0)) {
                continue; // a blank record: the client skips it too
            }
            for (char separator : SEPARATORS.toCharArray()) {
                List<String> names = cells(line, separator);
                if (names.contains("lead_id")) {
                    Set<String> found = new TreeSet<>(names);
                    found.retainAll(PER_LEAD);
                    return found;
                }
            }
            return PER_LEAD; // no lead_id column: the client says so when it reads the file
        }
        return PER_LEAD;
    }

    private static String text(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return decode(b, 2, StandardCharsets.UTF_16LE);
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return decode(b, 2, StandardCharsets.UTF_16BE);
        } else if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return decode(b, 3, StandardCharsets.ISO_8859_1);
        }
        return decode(b, 0, StandardCharsets.ISO_8859_1);
    }

    private static String decode(byte[] b, int from, Charset cs) {
        return new String(b, from, b.length - from, cs);
    }

    /** The names of a header line, lower case, without spaces or quotes around them. */
    private static List<String> cells(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                cells.add(cell.toString().strip().toLowerCase(Locale.ROOT));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip().toLowerCase(Locale.ROOT));
        return cells;
    }
}
