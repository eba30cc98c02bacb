package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.MessageResult;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The write-ahead log of a build's single sends ({@code nexorSend}, the freestyle "Send Nexor message"),
 * {@value #FILE} in the build directory: a {@code SENDING} line before a message's request leaves, then a
 * {@code SENT} or {@code FAILED} line with its outcome. It makes a send durable without rewriting {@code build.xml}:
 * the build page ({@link NexorSendAction}) reads it when the build is loaded and lists what {@code build.xml} lacks,
 * a send with no outcome as one that may have been sent.
 *
 * <p>A CSV file (RFC 4180, one physical line per event: control characters in values become spaces or
 * {@code \\uXXXX}, anything shaped like a Nexor key is masked), with the header {@value #HEADER}; the warnings of an
 * outcome are its last cells. Never the message content nor the key.
 *
 * <p>Durability: each line is one {@code write(2)} to the operating system before the call returns (no buffering in
 * this process, so a killed or crashed JVM loses nothing); a {@code SENDING} line asked to be synced is also on the
 * disk ({@code fsync}, and the directory the first time) before the call returns; outcome lines are not synced. A line
 * cut short at the end (a power cut) is ignored when reading, and the next line written starts on a line of its own.
 * Writes use a plain file stream, not an interruptible channel, so an aborted build's thread still writes its outcome.
 * Thread-safe.
 */
final class SendLog {
    static final String FILE = "nexor-sends.csv";
    static final String HEADER = "event,seq,time,channel,lead_id,workflow_id,type,message_id,provider_message_id,"
            + "activity_id,call_id,call_status,may_have_been_sent,error,warnings";

    private static final String SENDING = "SENDING";
    private static final String SENT = "SENT";
    private static final String FAILED = "FAILED";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private final Path file;
    private final Object lock = new Object();
    /** Whether this object has written to the file (the header and a clean line start are then known). */
    private boolean started;

    SendLog(Path buildDir) {
        this.file = buildDir.resolve(FILE);
    }

    Path file() {
        return file;
    }

    /** A message's request is about to leave: the line is written, and on the disk when {@code sync}, on return. */
    void sending(int seq, long time, String channel, String leadId, String workflowId, boolean sync)
            throws IOException {
        StringBuilder line = start(SENDING, seq, time, channel, leadId, workflowId);
        line.append(",,,,,,,,,"); // type ... warnings: none yet
        append(line, sync);
    }

    /** A message's outcome (handed to the operating system, not synced). */
    void outcome(SentMessage m) throws IOException {
        NexorSendResult r = m.getResult();
        StringBuilder line = start(
                r.isSuccess() ? SENT : FAILED, m.seq(), m.getTime(), r.getChannel(), m.getLeadId(), m.getWorkflowId());
        cell(line, r.getType());
        cell(line, r.getMessageId());
        cell(line, r.getProviderMessageId());
        cell(line, r.getActivityId());
        cell(line, r.getCallId());
        cell(line, r.getCallStatus());
        cell(line, Boolean.toString(r.isMayHaveBeenSent()));
        cell(line, r.getError());
        if (r.getWarnings().isEmpty()) {
            line.append(',');
        }
        r.getWarnings().forEach(w -> cell(line, w));
        append(line, false);
    }

    private static StringBuilder start(
            String event, int seq, long time, String channel, String leadId, String workflowId) {
        StringBuilder line = new StringBuilder(256).append(event).append(',').append(seq);
        cell(line, Instant.ofEpochMilli(time).toString());
        cell(line, channel);
        cell(line, leadId);
        cell(line, workflowId);
        return line;
    }

    /** Appends {@code ,value}, on one line, masked, quoted when needed. */
    private static void cell(StringBuilder line, String value) {
        line.append(',').append(Csv.cell(value));
    }

    private void append(StringBuilder line, boolean sync) throws IOException {
        FileOutputStream out = null;
        try {
            boolean created;
            synchronized (lock) {
                String before = "";
                created = false;
                if (!started) {
                    long size = size();
                    created = size == 0;
                    before = created ? HEADER + "\n" : endsWithLineBreak(size) ? "" : "\n";
                }
                out = new FileOutputStream(file.toFile(), true);
                out.write((before + line + "\n").getBytes(StandardCharsets.UTF_8)); // one write(2): never half a line
                started = true;
            }
            if (sync) {
                out.getFD().sync(); // outside the lock: another send's line need not wait for this one's disk
                if (created) {
                    syncDirectory(); // the new file's name, once per build
                }
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
    }

    private long size() throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private boolean endsWithLineBreak(long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(size - 1);
            return raf.read() == '\n';
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent())) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            // not every platform can sync a directory (Windows cannot open one); the file itself is synced
        }
    }

    /**
     * The sends the log lists, in the order of their numbers; a send with a {@code SENDING} line and no outcome is
     * failed with {@code inFlight} as its error, "may have been sent". Lines that cannot be read (a damaged file) are
     * skipped; an absent file lists nothing.
     */
    List<SentMessage> read(Supplier<String> inFlight) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--; // a last line without its line break was cut short: its request had not left, or it is an outcome
        }
        Map<String, Integer> columns = columns(COLUMNS);
        Map<Integer, SentMessage> sending = new HashMap<>();
        Map<Integer, SentMessage> outcomes = new TreeMap<>();
        for (String text : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            List<String> row = row(text);
            if (row == null) {
                continue;
            }
            if ("event".equals(row.get(0))) {
                columns = columns(row);
                continue;
            }
            try {
                SentMessage m = message(new Row(row, columns));
                if (m != null) {
                    (m.getResult() == null ? sending : outcomes).put(m.seq(), m);
                }
            } catch (RuntimeException e) { // NumberFormatException, DateTimeException, a missing cell: a damaged line
                // skipped
            }
        }
        TreeMap<Integer, SentMessage> all = new TreeMap<>(outcomes);
        for (SentMessage s : sending.values()) {
            SentMessage done = outcomes.get(s.seq());
            if (done == null) {
                all.put(
                        s.seq(),
                        new SentMessage(
                                s.seq(),
                                s.getTime(),
                                s.getChannel(),
                                s.getLeadId(),
                                s.getWorkflowId(),
                                NexorSendResult.failed(s.getChannel(), List.of(), inFlight.get(), true)));
            } else if (!s.getChannel().equals(done.getChannel())) { // the channel asked for, as when it was sent
                all.put(
                        s.seq(),
                        new SentMessage(
                                s.seq(),
                                done.getTime(),
                                s.getChannel(),
                                done.getLeadId(),
                                done.getWorkflowId(),
                                done.getResult()));
            }
        }
        return new ArrayList<>(all.values());
    }

    private static List<String> row(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            List<List<String>> rows = Csv.parse(text);
            return rows.isEmpty() || rows.get(0).size() < 2 ? null : rows.get(0);
        } catch (IllegalArgumentException e) {
            return null; // a damaged line (an unclosed quote)
        }
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
        return columns;
    }

    /** A send as one line says it: without a result for a {@code SENDING} line; null for an unknown event. */
    private static SentMessage message(Row row) {
        String event = row.get("event");
        if (!SENDING.equals(event) && !SENT.equals(event) && !FAILED.equals(event)) {
            return null;
        }
        int seq = Integer.parseInt(row.get("seq"));
        long time =
                Instant.parse(Objects.requireNonNull(row.get("time"), "time")).toEpochMilli();
        String channel = row.get("channel");
        if (seq < 1 || channel == null) {
            return null;
        }
        NexorSendResult result = null;
        if (SENT.equals(event)) {
            result = NexorSendResult.sent(
                    channel,
                    new MessageResult(
                            true,
                            channel,
                            row.get("type"),
                            row.get("message_id"),
                            row.get("provider_message_id"),
                            row.get("activity_id"),
                            row.get("call_id"),
                            row.get("call_status")),
                    row.warnings());
        } else if (FAILED.equals(event)) {
            result = NexorSendResult.failed(
                    channel, row.warnings(), row.get("error"), !"false".equals(row.get("may_have_been_sent")));
        }
        return new SentMessage(seq, time, channel, row.get("lead_id"), row.get("workflow_id"), result);
    }

    /** A line's cells by column name; empty cells read as null. */
    private record Row(List<String> cells, Map<String, Integer> columns) {
        String get(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= cells.size()) {
                return null;
            }
            String value = cells.get(i);
            return value.isEmpty() ? null : value;
        }

        List<String> warnings() {
            Integer from = columns.get("warnings");
            List<String> warnings = new ArrayList<>();
            for (int i = from == null ? cells.size() : from; i < cells.size(); i++) {
                if (!cells.get(i).isEmpty()) {
                    warnings.add(cells.get(i));
                }
            }
            return warnings;
        }
    }
}
