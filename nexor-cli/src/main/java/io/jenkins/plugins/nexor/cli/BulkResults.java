package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.MessageResult;
import io.jenkins.plugins.nexor.client.WireFormat;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each lead's result as it comes, on standard output: CSV lines ({@link Csv#RESULTS_HEADER}), or the elements of
 * one JSON array with the same fields. Nothing is kept. A {@link PrintWriter} never throws, so every line is
 * checked ({@code checkError()}): once one could not be written, {@link #problem()} says why and nothing more is
 * tried (the caller stops the run).
 */
final class BulkResults {
    private final PrintWriter out;
    private final boolean json;
    private final Supplier<String> why;
    private boolean first = true;
    private String problem;

    /** @param why what failed, e.g. "standard output could not be written (Broken pipe)" */
    BulkResults(PrintWriter out, boolean json, Supplier<String> why) {
        this.out = out;
        this.json = json;
        this.why = why;
    }

    /** The header (CSV) or the opening bracket (JSON); false when it could not be written. */
    boolean start() {
        out.println(json ? "[" : Csv.RESULTS_HEADER);
        return written();
    }

    /** One lead's line; false when it could not be written (now or before). */
    boolean write(BulkEntry e) {
        if (problem != null) {
            return false;
        }
        if (json) {
            out.println((first ? "" : ",") + new String(WireFormat.bytes(row(e)), StandardCharsets.UTF_8));
            first = false;
        } else {
            out.println(Csv.resultLine(inCliWords(e)));
        }
        return written();
    }

    /** Closes the JSON array and flushes; false when something could not be written. */
    boolean finish() {
        if (problem == null && json) {
            out.println("]");
        }
        out.flush();
        return written();
    }

    /** What could not be written, or null. */
    String problem() {
        return problem;
    }

    private boolean written() {
        if (problem == null && out.checkError()) {
            problem = why.get();
        }
        return problem == null;
    }

    /**
     * A lead's JSON object: the CSV's columns under the same names ({@link Csv#RESULTS_HEADER}), with the same
     * values (outcome {@code SENT}, {@code FAILED}, …), as JSON types (numbers, booleans, null).
     */
    static Map<String, Object> row(BulkEntry e) {
        MessageResult r = e.result();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row", e.index() + 1);
        row.put("lead_id", e.leadId());
        row.put("outcome", e.outcome().name());
        row.put("message_id", r == null ? null : r.messageId());
        row.put("provider_message_id", r == null ? null : r.providerMessageId());
        row.put("activity_id", r == null ? null : r.activityId());
        row.put("call_id", r == null ? null : r.callId());
        row.put("call_status", r == null ? null : r.callStatus());
        row.put("may_have_been_sent", e.mayHaveBeenSent());
        row.put("attempts", e.attempts());
        row.put("error", CliWords.forRows(e.error()));
        return row;
    }

    /** The entry with its error in the command line's words ({@link CliWords#forRows}). */
    static BulkEntry inCliWords(BulkEntry e) {
        String error = CliWords.forRows(e.error());
        return java.util.Objects.equals(error, e.error()) ? e : new BulkEntry(e.index(), e.leadId(), e.outcome(),
                e.result(), error, e.mayHaveBeenSent(), e.attempts(), e.earlierRun());
    }
}
