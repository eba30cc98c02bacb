package io.jenkins.plugins.nexor.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a send record (or any results file) says about each lead, read back to resume a run without messaging anyone
 * twice. Per lead, the strongest of its lines counts: {@link State#SENT} (Nexor accepted it) over
 * {@link State#UNCERTAIN} (a request was in flight when the run stopped, or failed in a way that may have reached
 * the lead) over {@link State#NOT_SENT} (every attempt provably did not reach anyone, or it was never tried). A lead
 * not in the file was never attempted. A last line cut short by a crash is ignored (its request had not left: a
 * {@code SENDING} line is written before the request).
 *
 * <p>Memory: about 100 bytes per recorded lead (its state and where its line is); the ids of a sent lead are read
 * back from the file when asked for ({@link #entry}).
 */
public final class RecordedLeads implements Closeable {
    /** What is known of one lead. */
    public enum State {
        NOT_SENT,
        UNCERTAIN,
        SENT
    }

    /** A lead's standing as the lines are read; {@code PENDING}: its last line is {@code SENDING}. */
    private enum Standing {
        NOT_SENT,
        PENDING,
        UNCERTAIN,
        SENT;

        State state() {
            return this == SENT ? State.SENT : this == NOT_SENT ? State.NOT_SENT : State.UNCERTAIN;
        }
    }

    /** Where the line that decided a lead's standing is. */
    private record Line(long offset, int length, Standing standing) {
        State state() {
            return standing.state();
        }
    }

    private final Path file;
    private final List<String> columns;
    private final Map<UUID, Line> leads;
    private final long validLength;
    private final int[] counts = new int[State.values().length];
    private RandomAccessFile reader;

    private RecordedLeads(Path file, List<String> columns, Map<UUID, Line> leads, long validLength) {
        this.file = file;
        this.columns = columns;
        this.leads = leads;
        this.validLength = validLength;
        leads.values().forEach(l -> counts[l.state().ordinal()]++);
    }

    /** No earlier run. */
    static RecordedLeads none() {
        return new RecordedLeads(null, List.of(), Map.of(), 0);
    }

    /**
     * Reads a record or results file.
     *
     * @throws IllegalArgumentException when it is not one (another header) or a line in the middle cannot be read
     */
    public static RecordedLeads read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a regular file: a record or results file is expected");
        }
        Map<UUID, Line> leads = new HashMap<>();
        long offset = 0;
        long valid = 0;
        int lineNumber = 0;
        List<String> columns = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long start = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                offset++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNumber++;
                String text = line.toString(StandardCharsets.UTF_8);
                if (columns == null) {
                    columns = header(file, text);
                } else if (!text.isBlank()) {
                    List<String> row = record(file, lineNumber, text);
                    if (row == null) { // a quoted line break (results files of older versions): read on
                        line.write(b);
                        lineNumber--;
                        continue;
                    }
                    add(leads, columns, row, new Line(start, (int) (offset - start), null), file, lineNumber);
                }
                line.reset();
                start = offset;
                valid = offset;
            }
        }
        if (columns == null) {
            throw new IllegalArgumentException(file + " is empty: it is not a record or results file of a bulk send");
        }
        return new RecordedLeads(file, columns, leads, valid);
    }

    private static List<String> header(Path file, String text) {
        String header = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> columns = Csv.parse(header.strip()).stream().findFirst().orElse(List.of());
        if (!columns.containsAll(List.of("lead_id", "outcome", "may_have_been_sent"))) {
            throw new IllegalArgumentException(file + " is not a record or results file of a bulk send: its first line"
                    + " should be " + Csv.RESULTS_HEADER);
        }
        return columns;
    }

    /** The record on one line, or null when a quoted field goes on past the line break. */
    private static List<String> record(Path file, int lineNumber, String text) {
        try {
            List<List<String>> rows = Csv.parse(text);
            return rows.isEmpty() ? List.of() : rows.get(0);
        } catch (IllegalArgumentException unclosedQuote) {
            return null;
        }
    }

    private static void add(Map<UUID, Line> leads, List<String> columns, List<String> row, Line where, Path file,
            int lineNumber) {
        UUID lead = uuid(cell(row, columns.indexOf("lead_id")));
        if (lead == null) {
            return; // an invalid row (never sent) or a lead the file does not name
        }
        String outcome = cell(row, columns.indexOf("outcome")).strip().toUpperCase(Locale.ROOT);
        boolean mayHaveBeenSent = Boolean.parseBoolean(cell(row, columns.indexOf("may_have_been_sent")).strip());
        Standing said = switch (outcome) {
            case "SENT" -> Standing.SENT;
            case "SENDING" -> Standing.PENDING;
            case "FAILED" -> mayHaveBeenSent ? Standing.UNCERTAIN : Standing.NOT_SENT;
            case "SKIPPED", "NOT_ATTEMPTED" -> Standing.NOT_SENT;
            default -> throw new IllegalArgumentException(file + ", line " + lineNumber + ": unknown outcome \""
                    + Text.excerpt(outcome) + "\" (expected SENDING, SENT, FAILED, SKIPPED or NOT_ATTEMPTED)");
        };
        leads.merge(lead, new Line(where.offset(), where.length(), said), RecordedLeads::next);
    }

    /**
     * A lead's standing after one more of its lines: sent stays sent (its first line kept, with the ids); "may have
     * been sent" stays so unless it is sent later; a {@code SENDING} line is settled by the outcome that follows it.
     */
    private static Line next(Line old, Line now) {
        return switch (old.standing()) {
            case SENT -> old;
            case UNCERTAIN -> now.standing() == Standing.SENT || now.standing() == Standing.UNCERTAIN ? now : old;
            case PENDING, NOT_SENT -> now;
        };
    }

    private static String cell(List<String> row, int index) {
        return index < 0 || index >= row.size() ? "" : row.get(index);
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What the file says about a lead; null when it is not in the file (never attempted). */
    public State state(String leadId) {
        UUID lead = uuid(leadId);
        Line line = lead == null ? null : leads.get(lead);
        return line == null ? null : line.state();
    }

    /** Leads recorded in each state. */
    public int count(State state) {
        return counts[state.ordinal()];
    }

    /** Leads the file names. */
    public int size() {
        return leads.size();
    }

    /**
     * The leads whose last line is {@code SENDING}: their request was in flight when the run stopped. A resumed
     * record marks each as failed, may have been sent ({@link SendRecord#resume}).
     */
    synchronized List<BulkEntry> inFlight() throws IOException {
        List<BulkEntry> out = new java.util.ArrayList<>();
        for (Map.Entry<UUID, Line> e : leads.entrySet()) {
            if (e.getValue().standing() == Standing.PENDING) {
                List<String> cells = cells(e.getValue());
                int row;
                try {
                    row = Integer.parseInt(cell(cells, columns.indexOf("row")).strip()) - 1;
                } catch (NumberFormatException unknown) {
                    row = -1;
                }
                out.add(new BulkEntry(row, e.getKey().toString(), BulkEntry.Outcome.FAILED, null, IN_FLIGHT, true,
                        attempts(cells, columns)));
            }
        }
        out.sort(java.util.Comparator.comparingInt(BulkEntry::index));
        return out;
    }

    /** The outcome written for a request that was in flight when its run stopped. */
    static final String IN_FLIGHT = "the request was in flight when the run stopped: it may have reached the lead";

    /** The length of the file up to the end of its last complete line. */
    long validLength() {
        return validLength;
    }

    /**
     * The recorded entry of a lead that is {@link State#SENT} or {@link State#UNCERTAIN}, placed at {@code row} of
     * the current run and marked as coming from an earlier run; null otherwise.
     */
    public synchronized BulkEntry entry(String leadId, int row) throws IOException {
        UUID lead = uuid(leadId);
        Line line = lead == null ? null : leads.get(lead);
        if (line == null || line.state() == State.NOT_SENT) {
            return null;
        }
        List<String> cells = cells(line);
        if (line.state() == State.SENT) {
            MessageResult result = new MessageResult(true, null, null, value(cells, columns, "message_id"),
                    value(cells, columns, "provider_message_id"), value(cells, columns, "activity_id"),
                    value(cells, columns, "call_id"), value(cells, columns, "call_status"));
            return new BulkEntry(row, leadId, BulkEntry.Outcome.SENT, result, null, false, attempts(cells, columns),
                    true);
        }
        return new BulkEntry(row, leadId, BulkEntry.Outcome.FAILED, null, UNCERTAIN, true, attempts(cells, columns),
                true);
    }

    private List<String> cells(Line line) throws IOException {
        if (reader == null) {
            reader = new RandomAccessFile(file.toFile(), "r");
        }
        byte[] bytes = new byte[line.length()];
        reader.seek(line.offset());
        reader.readFully(bytes);
        return Csv.parse(new String(bytes, StandardCharsets.UTF_8)).get(0);
    }

    /** Why an uncertain lead of an earlier run is not sent again. */
    static final String UNCERTAIN = "not sent again: an earlier run's request for this lead may have reached it (it was"
            + " in flight when that run stopped, or failed after being sent); check the lead's history";

    private static String value(List<String> cells, List<String> columns, String name) {
        String v = cell(cells, columns.indexOf(name));
        return v.isEmpty() ? null : v;
    }

    private static int attempts(List<String> cells, List<String> columns) {
        try {
            return Integer.parseInt(cell(cells, columns.indexOf("attempts")).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
