package io.jenkins.plugins.nexor;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.BulkSend;
import io.jenkins.plugins.nexor.client.BulkSender;
import io.jenkins.plugins.nexor.client.BulkTotals;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.RecipientSource;
import io.jenkins.plugins.nexor.client.Recipients;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jenkins.util.BuildListenerAdapter;

/**
 * One bulk send from a build, for {@code nexorSendBulk} and the freestyle "Send Nexor message to many leads" alike:
 * the leads are validated first (skipped rows listed), sent with bounded concurrency, each lead's result written to
 * {@code nexor-bulk-N.csv} in the workspace as it is known and archived at the end, a progress line at every tenth
 * of the leads and at least every {@value #PROGRESS_SECONDS} seconds,
 * the run recorded on the build page, then the failure policy. An abort ({@link #cancel()} or an interrupt) stops new
 * sends at once and still records every lead.
 */
final class BulkRun {
    /** A progress line at least this often, however slow the run (a low maxPerSecond, 429 pauses). */
    static final int PROGRESS_SECONDS = 30;

    /** Skipped rows listed in the console; the rest are in the results. */
    private static final int LISTED_SKIPS = 20;

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final FilePath workspace;
    private final Launcher launcher;
    private volatile BulkSend inFlight;

    /** {@code workspace} and {@code launcher} may be null (no results file then). */
    BulkRun(Run<?, ?> run, TaskListener listener, FilePath workspace, Launcher launcher) {
        this.run = run;
        this.listener = listener;
        this.workspace = workspace;
        this.launcher = launcher;
    }

    /** A valid concurrency (1 to {@value BulkSender#MAX_CONCURRENCY}), for both steps' setters. */
    static int checkConcurrency(int concurrency) {
        if (concurrency < 1 || concurrency > BulkSender.MAX_CONCURRENCY) {
            throw new IllegalArgumentException(Messages.Bulk_concurrency(concurrency, BulkSender.MAX_CONCURRENCY));
        }
        return concurrency;
    }

    /** A valid cap on requests per second (0: none), for both steps' setters. */
    static double checkMaxPerSecond(double maxPerSecond) {
        if (maxPerSecond < 0 || Double.isNaN(maxPerSecond)) {
            throw new IllegalArgumentException(Messages.Bulk_rate(maxPerSecond));
        }
        return maxPerSecond;
    }

    /**
     * Leads from a file in the workspace: CSV, or a JSON array for {@code *.json}; read row by row (twice: to
     * validate, to send), never whole.
     */
    static RecipientSource file(FilePath workspace, String path) throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException(Messages.Bulk_noWorkspace(path));
        }
        FilePath file = workspace.child(path);
        if (!file.exists()) {
            throw new AbortException(Messages.Bulk_noFile(path));
        }
        return Recipients.file(path, () -> {
            try {
                return new InputStreamReader(file.read(), StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(e.getMessage());
            }
        });
    }

    /**
     * Sends the message to the leads.
     *
     * @param keepEntries whether the answer lists every lead (Pipeline scripts read them) or only counts them
     * @throws AbortException       when the leads or the credentials are wrong (nothing sent), or when leads were
     *                              not sent under {@link FailurePolicy#FAIL}
     * @throws InterruptedException when the build was aborted; what was sent is recorded first
     */
    NexorBulkResult send(
            MessageFields fields,
            UnaryOperator<String> expand,
            RecipientSource leads,
            int concurrency,
            double maxPerSecond,
            boolean keepEntries)
            throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        NexorClient client = NexorSender.client(run, listener, NexorSender.credentialsId(fields, expand));
        BulkSend send;
        try {
            send = BulkSender.builder(client)
                    .concurrency(concurrency)
                    .maxPerSecond(maxPerSecond)
                    .build()
                    .prepare(fields.toRequest(expand), leads);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new AbortException(Messages.Bulk_badLeads(e.getMessage()));
        }
        send.invalid().stream()
                .limit(LISTED_SKIPS)
                .forEach(e -> log.println(Messages.Bulk_skipped(e.index() + 1, e.error())));
        if (send.invalidCount() > LISTED_SKIPS) {
            log.println(Messages.Bulk_moreSkipped(send.invalidCount() - LISTED_SKIPS));
        }
        int number = NexorSendAction.of(run).getBulkSends().size() + 1;
        String artifact = workspace != null && launcher != null ? "nexor-bulk-" + number + ".csv" : null;
        BulkResultsFile file = artifact == null ? null : BulkResultsFile.open(workspace.child(artifact));
        List<NexorBulkEntry> entries = new ArrayList<>();
        BulkSummary.Builder summary = BulkSummary.builder(number, expand.apply(fields.getChannel()));
        Progress progress = new Progress(log, send.total());
        BulkTotals totals;
        inFlight = send;
        try {
            totals = send.stream((entry, done, total) -> {
                NexorBulkEntry e = new NexorBulkEntry(entry);
                if (keepEntries) {
                    entries.add(e);
                }
                summary.add(e);
                if (file != null) {
                    file.write(entry);
                }
                progress.count(entry, done);
            });
        } catch (UncheckedIOException e) { // the leads could not be opened a second time: nothing was sent
            if (file != null) {
                file.close();
            }
            throw new AbortException(Messages.Bulk_badLeads(e.getMessage()));
        } finally {
            inFlight = null;
        }
        boolean interrupted = Thread.interrupted(); // record what happened before reporting the abort
        NexorSendAction.of(run).add(summary.build(totals, archive(file, artifact)));
        log.println(Messages.Bulk_done(
                totals.sent(), totals.total(), totals.failed(), totals.skipped(), totals.notAttempted()));
        NexorBulkResult answer = new NexorBulkResult(totals, entries);
        if (interrupted || totals.cancelled()) {
            throw new InterruptedException(answer.toString());
        }
        if (totals.allSent()) {
            return answer;
        }
        String line = Messages.Bulk_notAllSent(totals.total() - totals.sent(), totals.total());
        switch (NexorSender.policy(fields)) {
            case UNSTABLE -> {
                log.println(line);
                run.setResult(Result.UNSTABLE);
            }
            case CONTINUE -> log.println(line);
            default -> throw new AbortException(line);
        }
        return answer;
    }

    /** Stops the run: no new sends; the ones in flight are cancelled. */
    void cancel() {
        BulkSend send = inFlight;
        if (send != null) {
            send.cancel();
        }
    }

    /** Closes and archives the results file; the artifact's name, or null when there is none. */
    private String archive(BulkResultsFile file, String artifact) throws IOException, InterruptedException {
        if (file == null) {
            listener.getLogger().println(Messages.Bulk_notArchived());
            return null;
        }
        String problem = file.close();
        if (problem != null) {
            listener.getLogger().println(Messages.Bulk_resultsIncomplete(artifact, problem));
        }
        run.pickArtifactManager()
                .archive(workspace, launcher, new BuildListenerAdapter(listener), Map.of(artifact, artifact));
        listener.getLogger().println(Messages.Bulk_archived(artifact));
        return artifact;
    }

    /** The console's progress lines: done, sent and not sent, at every tenth of the leads or after a while. */
    private static final class Progress {
        private final PrintStream log;
        private final int total;
        private final int tenth;
        private int sent;
        private long lastLine = System.nanoTime();

        Progress(PrintStream log, int total) {
            this.log = log;
            this.total = total;
            this.tenth = Math.max(1, total / 10);
        }

        /** Called in input order, one lead at a time. */
        void count(BulkEntry entry, int done) {
            if (entry.outcome() == BulkEntry.Outcome.SENT) {
                sent++;
            }
            long now = System.nanoTime();
            if (done % tenth == 0 || done == total || now - lastLine >= PROGRESS_SECONDS * 1_000_000_000L) {
                log.println(Messages.Bulk_progress(done, total, sent, done - sent));
                lastLine = now;
            }
        }
    }
}
