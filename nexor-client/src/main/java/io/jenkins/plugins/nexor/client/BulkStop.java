package io.jenkins.plugins.nexor.client;

import java.time.Duration;
import java.util.Locale;

/**
 * Why a bulk run stops sending, and what the leads it did not attempt say. Set by the workers (Nexor refused the key,
 * Nexor asked to wait longer than a run waits) and by the caller ({@link BulkSend#cancel()}, {@link BulkSend#stop});
 * thread-safe.
 */
final class BulkStop {
    private final Duration maxWait;
    private volatile boolean cancelled;
    private volatile boolean stopping;
    private volatile boolean authentication;
    private volatile Duration rateLimitWait;

    /** @param maxWait the longest {@code Retry-After} the run waits for (the client's cap) */
    BulkStop(Duration maxWait) {
        this.maxWait = maxWait;
    }

    void cancel() {
        cancelled = true;
    }

    void stop() {
        stopping = true;
    }

    void authenticationFailed() {
        authentication = true;
    }

    /** Nexor asked to wait {@code wait}, longer than {@link #maxWait()}: the run stops; the first such wait is kept. */
    synchronized void rateLimited(Duration wait) {
        if (rateLimitWait == null) {
            rateLimitWait = wait;
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean stopping() {
        return stopping;
    }

    boolean authentication() {
        return authentication;
    }

    /** The wait Nexor asked for that stopped the run, or null. */
    Duration rateLimitWait() {
        return rateLimitWait;
    }

    Duration maxWait() {
        return maxWait;
    }

    /** Whether no new send may start (a problem of the send record stops the run too; see {@link RunRecord}). */
    boolean any() {
        return cancelled || stopping || authentication || rateLimitWait != null;
    }

    /** Why a lead was not attempted; {@code recordProblem} is the send record's failure, if any. */
    String notAttempted(String recordProblem) {
        Duration wait = rateLimitWait;
        return recordProblem != null ? "not attempted: the send record could not be written (" + recordProblem + ")"
                : authentication ? "not attempted: Nexor refused the API key for an earlier lead"
                : wait != null ? Problem.text("bulk.notAttempted.rateLimited", Locale.ROOT, human(wait),
                        human(maxWait))
                : stopping && !cancelled ? "not attempted: the run was stopped"
                : "not attempted: the run was cancelled";
    }

    /** The entry text of the lead whose 429 asked for a wait longer than the run waits. */
    String rateLimitedLead(RateLimitedException e, Duration wait) {
        return Problem.text("bulk.rateLimited", Locale.ROOT, human(wait),
                NexorApiException.answer(429, e.error(), e.apiMessage()), human(maxWait));
    }

    /** A wait as people say it: 45 s, 2 min, 2 min 5 s, 1 h, 1 h 30 min (the same in Spanish). */
    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        long minutes = (s % 3600) / 60;
        return s / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
