package io.jenkins.plugins.nexor.client;

import java.time.Duration;
import java.util.Optional;

/** Nexor answered 429 more times than the client retries, or asked for a longer wait than it accepts. */
public final class RateLimitedException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final int attempts;

    public RateLimitedException(String error, String apiMessage, Duration retryAfter, int attempts) {
        super("error.rateLimited", new Object[] {answer(429, error, apiMessage),
                    retryAfter == null ? -1 : retryAfter.toSeconds(), attempts},
                "error.rateLimited.hint", false, 429, error, apiMessage);
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    /** The wait Nexor asked for in its last answer ({@code Retry-After}), if it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** How many times the request was tried. */
    public int attempts() {
        return attempts;
    }
}
