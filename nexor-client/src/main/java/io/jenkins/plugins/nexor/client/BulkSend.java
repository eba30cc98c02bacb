package io.jenkins.plugins.nexor.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One bulk run, prepared by {@link BulkSender#prepare}: executed once on the calling thread (with the sender's
 * workers), cancellable from another thread. See {@link BulkSender} for the guarantees.
 */
public final class BulkSend {
    /** Receives each lead's outcome as it is known (from worker threads), with how many are done. */
    @FunctionalInterface
    public interface Progress {
        void onEntry(BulkEntry entry, int done, int total);
    }

    private final BulkSender sender;
    private final int total;
    /** The requests to send, by input index; null for skipped leads (their entry is already known). */
    private final MessageRequest[] requests;
    private final BulkEntry[] entries;
    private final List<BulkEntry> invalid;
    private final Set<PendingSend> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile boolean authenticationFailed;
    private volatile boolean executed;

    BulkSend(BulkSender sender, MessageRequest.Builder message, List<Recipient> recipients) {
        this.sender = sender;
        this.total = recipients.size();
        this.requests = new MessageRequest[total];
        this.entries = new BulkEntry[total];
        Map<String, Integer> firstRow = new HashMap<>();
        List<BulkEntry> bad = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Recipient r = recipients.get(i);
            String lead = r == null ? null : r.leadId();
            try {
                MessageRequest request = (r == null ? Recipient.of(null) : r).applyTo(message).build();
                Integer first = firstRow.putIfAbsent(request.leadId(), i);
                if (first != null) {
                    entries[i] = skipped(i, lead, "lead " + request.leadId() + " is already in the list (entry "
                            + (first + 1) + "); it is sent once");
                } else {
                    requests[i] = request;
                }
            } catch (InvalidRequestException e) {
                entries[i] = skipped(i, lead, e.validation().describe(e.validation().errors(), Locale.ROOT)
                        .replace("\n", " "));
            }
            if (entries[i] != null) {
                bad.add(entries[i]);
            }
        }
        this.invalid = List.copyOf(bad);
    }

    private static BulkEntry skipped(int index, String lead, String why) {
        return new BulkEntry(index, lead, BulkEntry.Outcome.SKIPPED, null, why, false, 0);
    }

    /** The leads that will not be sent because their row is invalid or repeats a lead; known before sending. */
    public List<BulkEntry> invalid() {
        return invalid;
    }

    /** Number of leads in the input. */
    public int total() {
        return total;
    }

    /** Runs the sends; returns when every lead has an outcome. May be called once. */
    public BulkResult execute(Progress progress) throws InterruptedException {
        if (executed) {
            throw new IllegalStateException("a BulkSend can be executed once");
        }
        executed = true;
        Progress report = progress == null ? (e, d, t) -> {} : progress;
        for (BulkEntry skipped : invalid) {
            report.onEntry(skipped, done.incrementAndGet(), total);
        }
        RateGate gate = new RateGate(sender.maxPerSecond);
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(sender.concurrency, Math.max(1, total));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "nexor-bulk-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> work(next, gate, report)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("bulk worker failed", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            cancel();
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < total; i++) {
            if (entries[i] == null) { // never reached: stopped early
                String why = authenticationFailed ? "not attempted: Nexor refused the API key for an earlier lead"
                        : "not attempted: the run was cancelled";
                entries[i] = new BulkEntry(i, requests[i].leadId(), BulkEntry.Outcome.NOT_ATTEMPTED, null, why, false, 0);
                report.onEntry(entries[i], done.incrementAndGet(), total);
            }
        }
        return new BulkResult(Arrays.asList(entries), cancelled, authenticationFailed);
    }

    /** Stops the run: no new sends start; sends in flight are cancelled (their leads report whether they may have been sent). */
    public void cancel() {
        cancelled = true;
        for (PendingSend send : inFlight) {
            send.cancel();
        }
    }

    private void work(AtomicInteger next, RateGate gate, Progress report) {
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            if (requests[i] == null) {
                continue; // skipped at preparation
            }
            if (stopped()) {
                return;
            }
            BulkEntry entry = sendOne(i, gate);
            if (entry == null) {
                return; // stopped before the first attempt of this lead: reported as not attempted
            }
            entries[i] = entry;
            requests[i] = null; // done with it: a long run holds only the small entries
            report.onEntry(entry, done.incrementAndGet(), total);
        }
    }

    private boolean stopped() {
        return cancelled || authenticationFailed;
    }

    /** Sends one lead, trying again only when nothing was delivered; null when stopped before any attempt. */
    private BulkEntry sendOne(int i, RateGate gate) {
        MessageRequest request = requests[i];
        for (int attempt = 1; ; attempt++) {
            RateGate.Ticket ticket = null;
            try {
                ticket = gate.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
            if (stopped()) {
                if (ticket != null) {
                    ticket.finish();
                }
                return attempt == 1 ? null : failed(i, request, "cancelled after " + (attempt - 1)
                        + " attempts that did not reach the lead; nothing was sent", false, attempt - 1);
            }
            PendingSend send = new PendingSend(sender.client, request, 1, ticket::written);
            inFlight.add(send);
            if (cancelled) {
                send.cancel(); // cancel() may have run between the check above and the add
            }
            try {
                MessageResult result = send.execute();
                return new BulkEntry(i, request.leadId(), BulkEntry.Outcome.SENT, result, null, false, attempt);
            } catch (RateLimitedException e) {
                gate.pause(e.retryAfter().orElse(sender.defaultPause));
                if (attempt >= sender.maxAttemptsPerLead) {
                    return failed(i, request, e.getMessage(), false, attempt);
                }
            } catch (AuthenticationException e) {
                authenticationFailed = true;
                return failed(i, request, e.getMessage(), false, attempt);
            } catch (TransportException e) {
                if (e.mayHaveBeenSent() || e instanceof SendCancelledException || attempt >= sender.maxAttemptsPerLead) {
                    return failed(i, request, e.getMessage(), e.mayHaveBeenSent(), attempt);
                }
                gate.pause(Duration.ofMillis(100L << Math.min(attempt, 5)));
            } catch (NexorException e) {
                return failed(i, request, e.getMessage(), e.mayHaveBeenSent(), attempt);
            } finally {
                inFlight.remove(send);
                ticket.finish();
            }
        }
    }

    private static BulkEntry failed(int i, MessageRequest request, String error, boolean mayHaveBeenSent, int attempts) {
        return new BulkEntry(i, request.leadId(), BulkEntry.Outcome.FAILED, null, error, mayHaveBeenSent, attempts);
    }
}
