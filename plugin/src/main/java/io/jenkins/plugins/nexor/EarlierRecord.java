package io.jenkins.plugins.nexor;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.RecordedLeads;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.util.VirtualFile;

/**
 * {@code resumeFrom}: what an earlier run recorded, copied to the start of a new bulk send's record, so that the
 * client's resume does not send again the leads it shows as sent or possibly sent. {@code #N} is build N of the
 * same job (its bulk send, or {@code #N/K} its K-th): its send record on the controller, else its per-lead results;
 * anything else is a results or record file in the workspace (from the CLI, or copied artifacts).
 */
final class EarlierRecord {
    private static final Pattern BUILD = Pattern.compile("#(\\d+)(?:/(\\d+))?");

    private EarlierRecord() {}

    /**
     * Copies the earlier record to {@code target} and says in the console what it holds.
     *
     * @throws AbortException when {@code resumeFrom} names nothing usable (nothing was sent)
     */
    static void copy(Run<?, ?> run, BulkRun.Workspace workspace, String resumeFrom, Path target, TaskListener listener)
            throws IOException, InterruptedException {
        Matcher build = BUILD.matcher(resumeFrom.strip());
        if (build.matches()) {
            fromBuild(run, Integer.parseInt(build.group(1)), build.group(2), resumeFrom, target);
        } else {
            FilePath ws = workspace.get();
            if (ws == null) {
                throw new AbortException(Messages.Bulk_resumeFromNoWorkspace(resumeFrom));
            }
            FilePath file = ws.child(resumeFrom);
            if (!file.exists() || file.isDirectory()) {
                throw new AbortException(Messages.Bulk_resumeFromNoFile(resumeFrom));
            }
            try (InputStream in = file.read()) {
                copy(in, target, false);
            }
        }
        check(resumeFrom, target, listener);
    }

    private static void fromBuild(Run<?, ?> run, int number, String bulkNumber, String resumeFrom, Path target)
            throws IOException {
        Run<?, ?> earlier = run.getParent().getBuildByNumber(number);
        if (earlier == null || earlier == run) {
            throw new AbortException(Messages.Bulk_resumeFromNoBuild(resumeFrom));
        }
        if (earlier.isBuilding()) {
            throw new AbortException(Messages.Bulk_resumeFromRunning(resumeFrom));
        }
        NexorSendAction action = earlier.getAction(NexorSendAction.class);
        List<BulkSummary> bulks = action == null ? List.of() : action.getBulkSends();
        BulkSummary bulk = null;
        if (bulkNumber != null) {
            bulk = bulks.stream()
                    .filter(b -> b.getNumber() == Integer.parseInt(bulkNumber))
                    .findFirst()
                    .orElse(null);
        } else if (bulks.size() == 1) {
            bulk = bulks.get(0);
        }
        if (bulk == null) {
            throw new AbortException(
                    bulkNumber == null && bulks.size() > 1
                            ? Messages.Bulk_resumeFromWhichBulk(resumeFrom, bulks.size(), String.valueOf(number))
                            : Messages.Bulk_resumeFromNoBulk(resumeFrom));
        }
        Path record = BulkFiles.record(earlier, bulk.getNumber());
        Path results = BulkFiles.results(earlier, bulk.getNumber());
        VirtualFile artifact = bulk.getArtifact() == null
                ? null
                : earlier.getArtifactManager().root().child(bulk.getArtifact());
        if (bulk.getRecord() != null && Files.isRegularFile(record)) {
            try (InputStream in = new FileInputStream(record.toFile())) {
                copy(in, target, true); // a line cut short by a crash was a request that had not left
            }
        } else if (Files.isRegularFile(results)) {
            try (InputStream in = new FileInputStream(results.toFile())) {
                copy(in, target, false);
            }
        } else if (artifact != null && artifact.isFile()) {
            try (InputStream in = artifact.open()) {
                copy(in, target, false);
            }
        } else {
            throw new AbortException(Messages.Bulk_resumeFromNoRecord(resumeFrom));
        }
    }

    /**
     * Copies a file; one whose last line has no line break gets one ({@code dropCutLine}: the line is dropped instead,
     * as the client does for its own records, whose lines are written whole).
     */
    private static void copy(InputStream in, Path target, boolean dropCutLine) throws IOException {
        long length = 0;
        long completeLines = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        completeLines = length + i + 1;
                    }
                }
                length += n;
            }
            if (completeLines < length && !dropCutLine) {
                out.write('\n');
                completeLines = length + 1;
            }
        }
        if (completeLines < length) {
            try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
                file.setLength(completeLines);
            }
        }
    }

    /** The copy must be a results file or record in the columns new lines are appended in; the console says what it holds. */
    private static void check(String resumeFrom, Path copy, TaskListener listener) throws IOException {
        String header;
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(new FileInputStream(copy.toFile()), StandardCharsets.UTF_8))) {
            header = in.readLine();
        }
        header = header == null ? "" : header.replace("\uFEFF", "").strip();
        if (!header.equals(Csv.RESULTS_HEADER)) {
            throw new AbortException(
                    Messages.Bulk_resumeFromBad(resumeFrom, Messages.Bulk_resumeFromColumns(Csv.RESULTS_HEADER)));
        }
        try (RecordedLeads recorded = RecordedLeads.read(copy)) {
            listener.getLogger()
                    .println(Messages.Bulk_resumingFrom(
                            resumeFrom,
                            recorded.count(RecordedLeads.State.SENT),
                            recorded.count(RecordedLeads.State.UNCERTAIN)));
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.Bulk_resumeFromBad(resumeFrom, e.getMessage()));
        }
    }
}
