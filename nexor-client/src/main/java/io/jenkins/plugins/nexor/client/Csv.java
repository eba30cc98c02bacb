package io.jenkins.plugins.nexor.client;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, as spreadsheets write it: quoted fields, doubled quotes, line breaks inside quotes. */
public final class Csv {
    private Csv() {}

    /** The records of a text; throws with the line number when a quote is not closed. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field opened before line " + line + " is never closed");
        }
        row.add(field.toString());
        if (!(row.size() == 1 && row.get(0).isEmpty())) {
            rows.add(row);
        }
        return rows;
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

    /** The header of {@link #results(BulkResult)}. */
    public static final String RESULTS_HEADER = "row,lead_id,outcome,message_id,provider_message_id,activity_id,call_id,"
            + "call_status,may_have_been_sent,attempts,error";

    /** A bulk send's results as CSV, one line per lead in input order, with {@link #RESULTS_HEADER}. */
    public static String results(BulkResult result) {
        StringBuilder out = new StringBuilder(RESULTS_HEADER).append('\n');
        for (BulkEntry e : result.entries()) {
            MessageResult r = e.result();
            out.append(String.join(",", Integer.toString(e.index() + 1), quote(e.leadId()), e.outcome().name(),
                    quote(r == null ? null : r.messageId()), quote(r == null ? null : r.providerMessageId()),
                    quote(r == null ? null : r.activityId()), quote(r == null ? null : r.callId()),
                    quote(r == null ? null : r.callStatus()), Boolean.toString(e.mayHaveBeenSent()),
                    Integer.toString(e.attempts()), quote(e.error()))).append('\n');
        }
        return out.toString();
    }
}
