package io.jenkins.plugins.nexor.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time from a {@link Reader} (quoted fields, doubled quotes, line breaks inside
 * quotes, CRLF or LF, a leading byte-order mark), so a file of any size is read in constant memory. The separator is
 * a comma unless told otherwise (Excel writes {@code ;} in Spanish and most European locales). Blank records (an
 * empty line, a line of spaces, a row of empty cells such as {@code ;;;}) are skipped. {@link #line()} is the file
 * line the last record started on.
 */
final class CsvReader {
    private final Reader in;
    private final char separator;
    private int pushedBack = -2; // -2: nothing pushed back
    private boolean started;
    private int line = 1;
    private int recordLine;

    CsvReader(Reader in) {
        this(in, ',');
    }

    CsvReader(Reader in, char separator) {
        this.in = in instanceof BufferedReader || in instanceof StringReader ? in : new BufferedReader(in);
        this.separator = separator;
    }

    /** The file line (1-based) the last record returned by {@link #next()} started on. */
    int line() {
        return recordLine;
    }

    /** The next record, or null at the end; throws naming the line when a quote is never closed. */
    List<String> next() {
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int startLine = line;
        for (int c = read(); ; c = read()) {
            if (c < 0) {
                if (quoted) {
                    throw new IllegalArgumentException(
                            "a quoted field opened on line " + startLine + " is never closed");
                }
                if (!any) {
                    return null;
                }
                row.add(field.toString());
                recordLine = startLine;
                return blank(row) ? null : row;
            }
            any = true;
            if (quoted) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        pushBack(after);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        pushBack(after);
                    }
                }
                line++;
                row.add(field.toString());
                if (!blank(row)) {
                    recordLine = startLine;
                    return row;
                }
                row = new ArrayList<>();
                field.setLength(0);
                startLine = line;
                any = false;
            } else {
                field.append((char) c);
            }
        }
    }

    private static boolean blank(List<String> row) {
        for (String cell : row) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private void pushBack(int c) {
        pushedBack = c;
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            int c = in.read();
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    c = in.read();
                }
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
