package io.jenkins.plugins.nexor.client;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** RFC 4180 CSV, as spreadsheets write it: quoted fields, doubled quotes, line breaks inside quotes. */
public final class Csv {
    private Csv() {}

    /** The records of a text; throws with the line number when a quote is not closed. */
    public static List<List<String>> parse(String text) {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    /** The records of a text, read as they are needed (files of any length); closing the stream closes the reader. */
    public static Stream<List<String>> records(Reader reader) {
        return records(new CsvReader(reader), reader);
    }

    static Stream<List<String>> records(CsvReader csv, Reader reader) {
        return Stream.generate(csv::next).takeWhile(Objects::nonNull).onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** The header of a bulk send's results file; each lead is then one {@link #resultLine(BulkEntry)}. */
    public static final String RESULTS_HEADER = "row,lead_id,outcome,message_id,provider_message_id,activity_id,call_id,"
            + "call_status,may_have_been_sent,attempts,error";

    /**
     * One lead's line of a results file or send record, without the line break. Always one physical line: control
     * characters in the values (line breaks included) are escaped ({@link Text#oneLine}).
     */
    public static String resultLine(BulkEntry e) {
        MessageResult r = e.result();
        return String.join(",", Integer.toString(e.index() + 1), cell(e.leadId()), e.outcome().name(),
                cell(r == null ? null : r.messageId()), cell(r == null ? null : r.providerMessageId()),
                cell(r == null ? null : r.activityId()), cell(r == null ? null : r.callId()),
                cell(r == null ? null : r.callStatus()), Boolean.toString(e.mayHaveBeenSent()),
                Integer.toString(e.attempts()), cell(e.error()));
    }

    /**
     * A value for a line of a results, record or log file: on one line (control characters escaped), never anything
     * shaped like a Nexor key (e.g. pasted as a lead), quoted when needed.
     */
    public static String cell(String value) {
        return quote(Text.masked(Text.oneLine(value)));
    }
}
