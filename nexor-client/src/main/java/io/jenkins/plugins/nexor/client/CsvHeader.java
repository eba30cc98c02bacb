package io.jenkins.plugins.nexor.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The header of a leads CSV file: which separator the file uses (a comma, or the semicolon or tab that Excel writes
 * in many locales, found from the header), and where each known column is ({@code lead_id}, and the optional
 * per-lead {@code content}, {@code html}, {@code subject}, {@code components}, {@code begin_message}).
 */
final class CsvHeader {
    private static final char[] SEPARATORS = {',', ';', '\t'};
    /** A header longer than this is not looked at for its separator. */
    private static final int LONGEST_HEADER = 64 * 1024;

    private final java.util.Set<String> perLead;
    private final int lead;
    private final int content;
    private final int html;
    private final int subject;
    private final int components;
    private final int beginMessage;

    CsvHeader(List<String> header, char separator) {
        List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        this.lead = names.indexOf("lead_id");
        if (lead < 0) {
            throw new IllegalArgumentException("no lead_id column in the header (the first line: \""
                    + Text.excerpt(String.join(String.valueOf(separator), header)) + "\"); the first line must name"
                    + " the columns, separated by commas or semicolons, e.g. lead_id,content");
        }
        java.util.Set<String> named = new java.util.TreeSet<>(names);
        named.retainAll(SharedMessage.PER_LEAD);
        this.perLead = java.util.Set.copyOf(named);
        this.content = names.indexOf("content");
        this.html = names.indexOf("html");
        this.subject = names.indexOf("subject");
        this.components = names.indexOf("components");
        this.beginMessage = names.indexOf("begin_message");
    }

    /**
     * The separator of the file, read from its first line without consuming it: the one of {@code ,} {@code ;} or
     * tab that makes a {@code lead_id} column (a comma when none does, so the header's error names the file's line).
     */
    static char separator(BufferedReader reader) {
        try {
            reader.mark(LONGEST_HEADER + 1);
            StringBuilder first = new StringBuilder();
            for (int c = reader.read(); c >= 0 && c != '\n' && c != '\r' && first.length() < LONGEST_HEADER;
                    c = reader.read()) {
                first.append((char) c);
            }
            reader.reset();
            for (char candidate : SEPARATORS) {
                List<String> cells = new CsvReader(new StringReader(first.toString()), candidate).next();
                if (cells != null && cells.stream().anyMatch(c -> c.strip().equalsIgnoreCase("lead_id"))) {
                    return candidate;
                }
            }
            return ',';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException unclosedQuote) { // the header's own error comes when it is read
            return ',';
        }
    }

    /** The per-lead columns the header names. */
    java.util.Set<String> perLeadColumns() {
        return perLead;
    }

    /** The lead of one data record, read from line {@code line} of the file. */
    Recipient recipient(List<String> row, int line) {
        return new Recipient(cell(row, lead), cell(row, content), cell(row, html), cell(row, subject),
                cell(row, components), cell(row, beginMessage), line);
    }

    private static String cell(List<String> row, int index) {
        return index < 0 || index >= row.size() || row.get(index).isBlank() ? null : row.get(index);
    }
}
