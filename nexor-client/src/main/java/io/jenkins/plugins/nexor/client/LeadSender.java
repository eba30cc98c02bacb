package io.jenkins.plugins.nexor.client;

import java.time.Duration;
import java.util.Set;

/**
 * Sends one lead of a bulk run: one request at a time through the run's {@link RateGate}, trying again only when
 * nothing was delivered (a 429 Nexor asks to wait for no longer than the run waits, a connection that failed before
 * writing). Each request's failure message counts the lead's attempts, as its entry does.
 */
final class LeadSender {
    private final BulkSender sender;
    private final BulkStop stop;
    private final RateGate gate;
    private final RunRecord record;
    private final Set<PendingSend> inFlight;

    LeadSender(BulkSender sender, BulkStop stop, RateGate gate, RunRecord record, Set<PendingSend> inFlight) {
        this.sender = sender;
        this.stop = stop;
        this.gate = gate;
        this.record = record;
        this.inFlight = inFlight;
    }

    private boolean stopped() {
        return stop.any() || record.problem() != null;
    }

    /** The lead's entry; null when the run stopped before any attempt. */
    BulkEntry send(int i, MessageRequest request) {
        for (int attempt = 1; ; attempt++) {
            RateGate.Ticket ticket = null;
            try {
                ticket = gate.acquire();
            } catch (InterruptedException e) {
                stop.cancel();
            }
            // stopped() again after the SENDING line: writing it may wait for the disk, and a stop may come meanwhile
            if (stopped() || ticket == null || !record.sending(i, request.leadId(), attempt) || stopped()) {
                if (ticket != null) {
                    ticket.finish();
                }
                return attempt == 1 ? null : failed(i, request, "stopped after " + (attempt - 1)
                        + " attempts that did not reach the lead; nothing was sent", false, attempt - 1);
            }
            PendingSend send = new PendingSend(sender.client, request, 1, ticket::written, attempt - 1);
            inFlight.add(send);
            if (stop.cancelled()) {
                send.cancel(); // cancel() may have run between the check above and the add
            }
            try {
                MessageResult result = send.execute();
                return new BulkEntry(i, request.leadId(), BulkEntry.Outcome.SENT, result, null, false, attempt);
            } catch (RuntimeException e) { // not one of the client's errors: whether it left is unknown
                return failed(i, request, "unexpected error while sending: " + e, true, attempt);
            } catch (RateLimitedException e) {
                Duration wait = e.retryAfter().orElse(null);
                if (wait != null && wait.compareTo(stop.maxWait()) > 0) { // hours, maybe: stop, resume later
                    stop.rateLimited(wait);
                    gate.close();
                    return failed(i, request, stop.rateLimitedLead(e, wait), false, attempt);
                }
                gate.pause(wait != null ? wait : sender.defaultPause);
                if (attempt >= sender.maxAttemptsPerLead) {
                    return failed(i, request, e.getMessage(), false, attempt);
                }
            } catch (AuthenticationException e) {
                stop.authenticationFailed();
                return failed(i, request, e.getMessage(), false, attempt);
            } catch (TransportException e) {
                if (e instanceof SendCancelledException && !e.mayHaveBeenSent() && attempt == 1) {
                    return null; // cancelled before its request was written: not attempted
                }
                if (!e.retryable() || attempt >= sender.maxAttemptsPerLead) {
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

    private static BulkEntry failed(int i, MessageRequest request, String error, boolean mayHaveBeenSent,
            int attempts) {
        return new BulkEntry(i, request.leadId(), BulkEntry.Outcome.FAILED, null, error, mayHaveBeenSent, attempts);
    }
}
