package io.jenkins.plugins.nexor;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.nexor.client.BulkSend;
import io.jenkins.plugins.nexor.client.BulkSender;
import io.jenkins.plugins.nexor.client.BulkTotals;
import io.jenkins.plugins.nexor.client.LeadsFile;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.Problem;
import io.jenkins.plugins.nexor.client.RecipientSource;
import io.jenkins.plugins.nexor.client.RecordedLeads;
import io.jenkins.plugins.nexor.client.SendRecord;
import io.jenkins.plugins.nexor.client.SharedMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One bulk send from a build, for {@code nexorSendBulk} and the freestyle "Send Nexor message to many leads" alike:
 * the leads are copied to the controller ({@link BulkFiles}) and checked (skipped rows listed); the bulk send is added
 * to the build record, which is saved, before anything is sent; a send record in the build directory says before
 * each request leaves that it is leaving, then how it ended; the leads are sent with bounded concurrency, each lead's
 * result written as it is known ({@link BulkResultsFile}), archived and copied to the workspace at the end, with
 * progress lines ({@link BulkProgress}); then the build record is completed and the failure policy applied.
 *
 * <p>An abort ({@link #cancel()} or an interrupt) stops new sends at once and still records every lead. A shutdown
 * ({@link RunningBulks}) stops it gently; a resumable send (a Pipeline step) is then continued by calling
 * {@link #send} again with the same id after the restart: leads the record shows as sent or possibly sent are not
 * sent again. A record that cannot be written stops the send (the client sends nothing more) and fails the step.
 */
final class BulkRun {
    /** Skipped rows listed in the console; the rest are in the results. */
    private static final int LISTED_SKIPS = 20;

    /** The build's workspace, looked up when needed (a resumed Pipeline's agent may be gone); null when none. */
    @FunctionalInterface
    interface Workspace {
        FilePath get() throws IOException, InterruptedException;
    }

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final Workspace workspace;
    private final String id;
    private final boolean resumable;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile BulkSend inFlight;
    private volatile boolean cancelled;
    /** The bulk send's summary once it has one (begun, or found after a restart). */
    private volatile BulkSummary current;
    /** Set when Jenkins shuts down: how long sends in flight may take. */
    private volatile Duration shutdownGrace;

    /**
     * @param id        names this bulk send across a restart (a Pipeline step execution's); any unique text otherwise
     * @param resumable true when a shutdown leaves the send to be resumed ({@link #send} returns null then)
     */
    BulkRun(Run<?, ?> run, TaskListener listener, Workspace workspace, String id, boolean resumable) {
        this.run = run;
        this.listener = listener;
        this.workspace = workspace;
        this.id = id;
        this.resumable = resumable;
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
     * Sends the message to the leads, or goes on with a send of the same id that a restart interrupted.
     *
     * @param keepEntries whether the answer lists every lead (Pipeline scripts read them) or only counts them
     * @return the answer; null when Jenkins shut down during a resumable send (it goes on after the restart)
     * @throws AbortException       when the leads, the credentials, {@code resumeFrom} or the record are wrong (what
     *                              was sent, if anything, is recorded), or when leads were not sent under
     *                              {@link FailurePolicy#FAIL}
     * @throws InterruptedException when the build was aborted; every lead's outcome is recorded first
     */
    NexorBulkResult send(BulkOrder order, UnaryOperator<String> expand, boolean keepEntries)
            throws IOException, InterruptedException {
        RunningBulks.add(this);
        try {
            return run(order, expand, keepEntries);
        } catch (IOException | InterruptedException | RuntimeException e) {
            unfinished(e);
            throw e;
        } finally {
            RunningBulks.remove(this);
            ended.countDown();
        }
    }

    private NexorBulkResult run(BulkOrder order, UnaryOperator<String> expand, boolean keepEntries)
            throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        MessageFields fields = order.fields();
        NexorSendAction action = run.getAction(NexorSendAction.class); // none yet: a build page without Nexor
        BulkSummary started = resumable && action != null ? action.bulk(id) : null; // it started before a restart
        boolean resuming = started != null;
        current = started;
        NexorClient client = NexorSender.client(run, listener, NexorSender.credentialsId(fields, expand));
        Path snapshot = order.leadsFile() == null ? null : BulkFiles.snapshot(run, id, order.leadsFile());
        if (snapshot != null && !resuming) {
            BulkFiles.copyLeads(workspace.get(), order.leadsFile(), snapshot);
        }
        if (resuming && snapshot != null && !Files.isRegularFile(snapshot)) {
            throw new AbortException(
                    Messages.Bulk_snapshotGone(snapshot.getFileName().toString()));
        }
        BulkSend send = prepare(client, order, expand, snapshot);
        Path earlier = null;
        if (!resuming) {
            listSkipped(send);
            if (order.resumeFrom() != null) {
                earlier = BulkFiles.earlier(run, id);
                EarlierRecord.copy(run, workspace, order.resumeFrom(), earlier, listener);
            }
            if (cancelled) {
                throw new InterruptedException(Messages.Bulk_nothingSent());
            }
            if (shutdownGrace != null) { // before anything was sent: a Pipeline starts it again after the restart
                if (resumable) {
                    return null;
                }
                throw new AbortException(Messages.Bulk_shutdownBeforeStart());
            }
            action = NexorSendAction.of(run);
            started = begin(action, send, expand.apply(fields.getChannel()), order.resumeFrom());
        }
        int number = started.getNumber();
        SendRecord record = openRecord(number, earlier, earlier == null && !resuming);
        BulkResultsFile results;
        try {
            results = BulkResultsFile.open(BulkFiles.results(run, number));
        } catch (IOException e) {
            close(record, null);
            throw new AbortException(Messages.Bulk_resultsUnwritable(BulkFiles.resultsName(number), e.toString()));
        }
        if (resuming) {
            log.println(Messages.Bulk_resumed(
                    number,
                    record.earlier().count(RecordedLeads.State.SENT),
                    record.earlier().count(RecordedLeads.State.UNCERTAIN)));
        }
        int uncertain = record.earlier().count(RecordedLeads.State.UNCERTAIN);
        if (uncertain > 0) {
            log.println(
                    order.resendUncertain()
                            ? Messages.Bulk_resendingUncertain(uncertain)
                            : Messages.Bulk_uncertainKept(uncertain));
        }

        List<NexorBulkEntry> entries = new ArrayList<>();
        BulkSummary.Builder summary = BulkSummary.builder(started);
        BulkProgress progress = new BulkProgress(log, send.total());
        send.record(record).resendUncertain(order.resendUncertain());
        BulkTotals totals;
        inFlight = send;
        if (cancelled) {
            send.cancel(); // cancel() may have run before inFlight was set
        }
        Duration grace = shutdownGrace;
        if (grace != null) {
            send.stop(grace);
        }
        try {
            totals = send.stream((entry, done, total) -> {
                NexorBulkEntry e = new NexorBulkEntry(entry);
                if (keepEntries) {
                    entries.add(e);
                }
                summary.add(e);
                results.write(entry);
                progress.count(entry, done);
            });
        } catch (UncheckedIOException | IllegalArgumentException e) { // the leads could not be opened again
            results.close();
            close(record, null);
            throw new AbortException(Messages.Bulk_badLeads(e.getMessage()));
        } finally {
            inFlight = null;
        }
        boolean interrupted = Thread.interrupted(); // record what happened before reporting the abort
        String recordProblem = close(record, totals.recordProblem());
        if (shutdownGrace != null && resumable && totals.cancelled() && recordProblem == null) {
            results.close();
            log.println(Messages.Bulk_paused(number, totals.sent(), totals.total()));
            return null;
        }
        String artifact = BulkFiles.publish(run, listener, workspace, number, results);
        action.update(summary.build(totals, artifact));
        NexorSendAction.save(run, listener);
        if (!resumable && snapshot != null) {
            Files.deleteIfExists(snapshot);
        }
        log.println(Messages.Bulk_done(
                totals.sent(), totals.total(), totals.failed(), totals.skipped(), totals.notAttempted()));
        if (totals.mayHaveBeenSent() > 0) {
            log.println(Messages.Bulk_mayHaveBeenSent(totals.mayHaveBeenSent()));
        }
        if (totals.stoppedOnRateLimit()) {
            log.println(Messages.Bulk_rateLimitStop(totals.resumeAfterText(), String.valueOf(run.getNumber())));
        }
        NexorBulkResult answer = new NexorBulkResult(totals, entries);
        if (recordProblem != null) {
            throw new AbortException(
                    Messages.Bulk_recordFailed(BulkFiles.recordName(number), recordProblem, totals.sent()));
        }
        if (interrupted || cancelled || (totals.cancelled() && shutdownGrace == null)) {
            throw new InterruptedException(answer.toString());
        }
        if (shutdownGrace != null && !totals.allSent()) {
            log.println(Messages.Bulk_stoppedForShutdown(String.valueOf(run.getNumber()), String.valueOf(number)));
        }
        return applyPolicy(fields, totals, answer);
    }

    /** Stops the send: no new sends; the ones in flight are cancelled (each lead's outcome is still recorded). */
    void cancel() {
        cancelled = true;
        BulkSend send = inFlight;
        if (send != null) {
            send.cancel();
        }
    }

    /** Jenkins is shutting down: no new sends; the ones in flight may finish within {@code grace}. */
    void stopForShutdown(Duration grace) {
        shutdownGrace = grace;
        BulkSend send = inFlight;
        if (send != null) {
            send.stop(grace);
        }
    }

    /** Waits until {@link #send} has returned (or thrown). */
    boolean awaitEnd(long nanos) throws InterruptedException {
        return ended.await(nanos, TimeUnit.NANOSECONDS);
    }

    private BulkSend prepare(NexorClient client, BulkOrder order, UnaryOperator<String> expand, Path snapshot)
            throws AbortException {
        try {
            RecipientSource leads = order.recipients(snapshot);
            sharedMessageIsSendable(order.fields().toRequest(expand), leads);
            BulkSend send = BulkSender.builder(client)
                    .concurrency(order.concurrency())
                    .maxPerSecond(order.maxPerSecond())
                    .build()
                    .prepare(order.fields().toRequest(expand), leads);
            if (leads instanceof LeadsFile file) { // e.g. read as Windows-1252, as Excel saves CSV files
                file.notes().forEach(note -> listener.getLogger().println(Messages.Console_warning(note)));
            }
            return send;
        } catch (IllegalArgumentException | UncheckedIOException | IOException e) {
            throw new AbortException(Messages.Bulk_badLeads(e.getMessage()));
        }
    }

    /**
     * What every lead shares, checked once before the leads are read: a problem no lead can escape (no channel, a
     * workflow id that is not a UUID, …) fails the step with one message instead of skipping every row; warnings
     * that concern every lead are printed once.
     */
    private void sharedMessageIsSendable(MessageRequest.Builder shared, RecipientSource leads)
            throws IOException, AbortException {
        List<Problem> common = SharedMessage.commonProblems(shared, leads.perLeadColumns());
        List<String> errors =
                common.stream().filter(Problem::isError).map(Problem::message).toList();
        if (!errors.isEmpty()) {
            throw new AbortException(Messages.Bulk_sharedInvalid(String.join(" ", errors)));
        }
        common.forEach(w -> listener.getLogger().println(Messages.Console_warning(w.toString())));
    }

    private void listSkipped(BulkSend send) {
        PrintStream log = listener.getLogger();
        send.invalid().stream()
                .limit(LISTED_SKIPS)
                .forEach(e -> log.println(Messages.Bulk_skipped(e.index() + 1, e.error())));
        if (send.invalidCount() > LISTED_SKIPS) {
            log.println(Messages.Bulk_moreSkipped(send.invalidCount() - LISTED_SKIPS));
        }
    }

    /** Adds the bulk send to the build record and saves it: from then on the build record points at its record. */
    private BulkSummary begin(NexorSendAction action, BulkSend send, String channel, String resumeFrom)
            throws AbortException {
        BulkSummary started = action.begin(n -> BulkSummary.running(
                n, resumable ? id : null, channel, send.total(), BulkFiles.recordName(n), resumeFrom));
        current = started;
        try {
            run.save();
        } catch (IOException e) {
            throw new AbortException(Messages.Bulk_notSaved(e.toString()));
        }
        return started;
    }

    /** A new record, the earlier one it starts from, or the one a restart interrupted (in the build directory). */
    private SendRecord openRecord(int number, Path earlier, boolean fresh) throws AbortException {
        Path file = BulkFiles.record(run, number);
        try {
            if (earlier != null) {
                Files.move(earlier, file); // never over an existing record
            }
            return fresh
                    ? SendRecord.create(file, SendRecord.Sync.DISK)
                    : SendRecord.resume(file, SendRecord.Sync.DISK);
        } catch (IOException | IllegalArgumentException e) {
            throw new AbortException(
                    Messages.Bulk_recordUnusable(file.getFileName().toString(), e.toString()));
        }
    }

    /** Closes the record; the first problem it had (the send stopped then), or null. */
    private static String close(SendRecord record, String problem) {
        try {
            record.close();
        } catch (IOException e) {
            return problem != null ? problem : e.toString();
        }
        return problem;
    }

    /**
     * The send failed while its summary says it is running: the summary says why it ended before every lead had an
     * outcome (the record tells what each lead got).
     */
    private void unfinished(Exception e) {
        BulkSummary started = current;
        if (started == null) {
            return;
        }
        NexorSendAction action = NexorSendAction.of(run);
        for (BulkSummary b : action.getBulkSends()) {
            if (b.getNumber() == started.getNumber() && b.isRunning()) {
                action.update(b.unfinished(e.getMessage() != null ? e.getMessage() : e.toString()));
                NexorSendAction.save(run, listener);
            }
        }
    }

    private NexorBulkResult applyPolicy(MessageFields fields, BulkTotals totals, NexorBulkResult answer)
            throws AbortException {
        if (totals.allSent()) {
            return answer;
        }
        String line = Messages.Bulk_notAllSent(totals.total() - totals.sent(), totals.total());
        switch (NexorSender.policy(fields)) {
            case UNSTABLE -> {
                listener.getLogger().println(line);
                run.setResult(Result.UNSTABLE);
            }
            case CONTINUE -> listener.getLogger().println(line);
            default -> throw new AbortException(line);
        }
        return answer;
    }

    @Override
    public String toString() {
        return "BulkRun{" + run + ", " + id + "}";
    }
}
