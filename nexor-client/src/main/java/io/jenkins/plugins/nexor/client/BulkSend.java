package io.jenkins.plugins.nexor.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One bulk run, prepared by {@link BulkSender#prepare}: executed once on the calling thread (with the sender's
 * workers), cancellable from another thread or by interrupting the calling thread. The leads are read a second time
 * from their {@link RecipientSource} while sending, and each entry is handed to the caller in input order as soon as
 * it and the ones before it are known: {@link #stream} keeps none of them, so memory does not grow with the number of
 * leads; {@link #execute} collects them. See {@link BulkSender} for the guarantees.
 */
public final class BulkSend {
    /**
     * Receives each lead's entry, in input order, one at a time (never concurrently), with how many are done.
     * Runs on the sender's threads: keep it short and do not throw.
     */
    @FunctionalInterface
    public interface Progress {
        void onEntry(BulkEntry entry, int done, int total);
    }

    /** Rows a worker may run ahead of the oldest unfinished one, per worker (bounds the entries held for ordering). */
    static final int WINDOW_PER_WORKER = 32;

    private final BulkSender sender;
    private final RecipientSource source;
    private final BulkPlan plan;
    private final Set<PendingSend> inFlight = ConcurrentHashMap.newKeySet();
    private SendRecord record;
    private boolean resendUncertain;
    private volatile RunRecord runRecord = new RunRecord(null, false, () -> {});
    private final BulkStop stop;
    private volatile RateGate gate;
    private volatile boolean executed;
    private volatile boolean finished;

    BulkSend(BulkSender sender, MessageRequest.Builder message, RecipientSource source) throws IOException {
        this.sender = sender;
        this.source = source;
        this.plan = BulkPlan.check(message, source);
        this.stop = new BulkStop(sender.client.maxRetryAfter);
    }

    /**
     * The first {@value BulkPlan#LISTED} rows that will not be sent because they are invalid or repeat a lead, with
     * the reason; {@link #invalidCount()} counts them all. Known before sending.
     */
    public List<BulkEntry> invalid() {
        return plan.firstInvalid;
    }

    /** Rows that will not be sent because they are invalid or repeat a lead. */
    public int invalidCount() {
        return plan.invalidCount;
    }

    /** Number of leads in the input. */
    public int total() {
        return plan.total;
    }

    /**
     * Writes every send ahead to a record ({@link SendRecord}): a {@code SENDING} line before each request leaves,
     * then each lead's outcome. Leads the record already shows as sent, or as possibly sent, by an earlier run are
     * not sent again: their entries come from the record ({@link BulkEntry#earlierRun()}). If the record cannot be
     * written, the run stops at once (nothing more is sent) and {@link BulkTotals#recordProblem()} says why. The
     * caller closes the record. Call before {@link #stream}.
     */
    public BulkSend record(SendRecord record) {
        this.record = record;
        return this;
    }

    /**
     * Also sends leads that an earlier run's record shows as possibly sent (in flight when it stopped, or failed after
     * the request was written). Off by default: such a lead may already have the message, and a duplicate reaches
     * a real person.
     */
    public BulkSend resendUncertain(boolean resend) {
        this.resendUncertain = resend;
        return this;
    }

    /** Runs the sends and returns every entry, in input order: for lists of leads that fit in memory. */
    public BulkResult execute(Progress progress) {
        List<BulkEntry> entries = new ArrayList<>(plan.total);
        BulkTotals totals = stream((entry, done, total) -> {
            entries.add(entry);
            if (progress != null) {
                progress.onEntry(entry, done, total);
            }
        });
        return new BulkResult(entries, totals.cancelled(), totals.stoppedOnAuthentication());
    }

    /**
     * Runs the sends, handing each lead's entry to {@code progress} in input order and keeping none; returns when
     * every lead has an outcome. An interrupt of the calling thread cancels the run like {@link #cancel()}: this
     * still returns once every lead has an outcome, with the thread's interrupt status set. If the leads cannot be
     * read a second time, the leads not read are reported as not attempted. May be called once.
     *
     * @throws UncheckedIOException when the leads cannot be opened again (nothing was sent)
     */
    public BulkTotals stream(Progress progress) {
        if (executed) {
            throw new IllegalStateException("a BulkSend can be executed once");
        }
        executed = true;
        runRecord = new RunRecord(record, resendUncertain, this::closeGate);
        int workers = Math.min(sender.concurrency, Math.max(1, plan.total));
        InOrder out = new InOrder(Math.max(64, WINDOW_PER_WORKER * workers), plan.total,
                progress == null ? (e, d, t) -> {} : progress);
        RateGate gate = new RateGate(sender.maxPerSecond);
        this.gate = gate;
        LeadSender leads = new LeadSender(sender, stop, gate, runRecord, inFlight);
        if (stopped()) {
            gate.close(); // stopped before it started
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "nexor-bulk-worker");
            t.setDaemon(true);
            return t;
        });
        boolean interrupted = false;
        try (Stream<Recipient> rows = source.open()) {
            Rows feed = new Rows(rows.iterator(), plan.total);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> work(feed, leads, out)));
            }
            pool.shutdown();
            RuntimeException failure = null;
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        cancel();
                        pool.shutdownNow(); // wakes workers waiting for the rate gate or the window
                    } catch (ExecutionException e) {
                        cancel();
                        failure = failure != null ? failure : asRuntime(e.getCause());
                        break;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            finish(feed, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            finished = true;
            pool.shutdownNow();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        BulkTotals t = out.totals(stop.cancelled() || stop.stopping(), stop.authentication(), runRecord.problem());
        return new BulkTotals(t.total(), t.sent(), t.failed(), t.skipped(), t.notAttempted(), t.cancelled(),
                t.stoppedOnAuthentication(), t.fromEarlierRun(), t.mayHaveBeenSent(), t.recordProblem(),
                stop.rateLimitWait());
    }

    /** Stops the run: no new sends start; sends in flight are cancelled (their leads say whether they may have been sent). */
    public void cancel() {
        stop.cancel();
        closeGate();
        for (PendingSend send : inFlight) {
            send.cancel();
        }
    }

    /**
     * Stops the run gently (a Ctrl-C, a shutdown): no new sends start; the sends in flight may finish within
     * {@code grace}, after which they are {@link #cancel() cancelled}. {@link #stream} returns once every lead has
     * its entry.
     */
    public void stop(Duration grace) {
        stop.stop();
        closeGate();
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(grace.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!finished) {
                cancel();
            }
        }, "nexor-bulk-stop");
        timer.setDaemon(true);
        timer.start();
    }

    private void closeGate() {
        RateGate g = gate;
        if (g != null) {
            g.close();
        }
    }

    private void work(Rows feed, LeadSender leads, InOrder out) {
        for (Rows.Row row = feed.next(); row != null; row = feed.next()) {
            try {
                out.awaitRoom(row.index());
            } catch (InterruptedException e) {
                stop.cancel();
            }
            BulkEntry entry;
            try {
                entry = entryFor(row, leads);
            } catch (RuntimeException e) { // a bug, not a send failure (LeadSender handles those): this lead only
                entry = new BulkEntry(row.index(), row.recipient().leadId(), BulkEntry.Outcome.FAILED, null,
                        "not sent: unexpected error " + e, false, 0);
            }
            runRecord.outcome(entry);
            out.put(entry);
        }
    }

    private BulkEntry entryFor(Rows.Row row, LeadSender leads) {
        int i = row.index();
        Recipient r = row.recipient();
        if (plan.skipped(i)) {
            return plan.skippedEntry(i, r);
        }
        if (stopped()) {
            return notAttempted(i, r.leadId());
        }
        MessageRequest request;
        try {
            request = r.applyTo(plan.message).build();
        } catch (InvalidRequestException e) {
            return BulkPlan.changed(i, r.leadId());
        }
        if (!plan.sameLead(i, request.leadId())) {
            return BulkPlan.changed(i, r.leadId());
        }
        BulkEntry earlier = runRecord.earlier(i, request.leadId());
        if (earlier != null) {
            return earlier;
        }
        BulkEntry entry = leads.send(i, request);
        return entry != null ? entry : notAttempted(i, r.leadId());
    }

    /** After the workers stop: every row not reached gets its entry (skipped, or not attempted). */
    private void finish(Rows feed, InOrder out) {
        for (Rows.Row row = feed.next(); row != null; row = feed.next()) {
            BulkEntry entry = plan.skipped(row.index()) ? plan.skippedEntry(row.index(), row.recipient())
                    : notAttempted(row.index(), row.recipient().leadId());
            runRecord.outcome(entry);
            out.put(entry);
        }
        String why = feed.failure != null
                ? "not attempted: the leads could not be read again (" + feed.failure + ")"
                : "not attempted: the row was no longer in the leads when sending";
        for (int i = out.done(); i < plan.total; i++) { // the second reading gave fewer rows, or failed
            out.put(new BulkEntry(i, null, BulkEntry.Outcome.NOT_ATTEMPTED, null, why, false, 0));
        }
    }

    private BulkEntry notAttempted(int i, String lead) {
        return new BulkEntry(i, lead, BulkEntry.Outcome.NOT_ATTEMPTED, null, stop.notAttempted(runRecord.problem()),
                false, 0);
    }

    private boolean stopped() {
        return stop.any() || runRecord.problem() != null;
    }

    private static RuntimeException asRuntime(Throwable t) {
        return t instanceof RuntimeException r ? r : new IllegalStateException("bulk worker failed", t);
    }

    /** The second reading of the leads, shared by the workers: each row is taken once, in order, up to the total. */
    private static final class Rows {
        record Row(int index, Recipient recipient) {}

        private final Iterator<Recipient> it;
        private final int total;
        private int next;
        /** Why the second reading stopped early (an unreadable file), or null. */
        volatile String failure;

        Rows(Iterator<Recipient> it, int total) {
            this.it = it;
            this.total = total;
        }

        synchronized Row next() {
            if (failure != null || next >= total) {
                return null;
            }
            try {
                return it.hasNext() ? new Row(next++, Recipient.orEmpty(it.next())) : null;
            } catch (RuntimeException e) { // the rows not read are reported as not attempted
                failure = e.getMessage() != null ? e.getMessage() : e.toString();
                return null;
            }
        }
    }
}
