package io.jenkins.plugins.nexor.client;

import java.time.Duration;
import java.util.Optional;

/** Nexor answered 429 more times than the client retries, or asked for a longer wait than it accepts. */
public final class RateLimitedException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final int attempts;

    public RateLimitedException(String error, String apiMessage, Duration retryAfter, int attempts) {
        super("Nexor is limiting the request rate (" + answer(429, error, apiMessage)
                        + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s") + "); gave up after "
                        + attempts + (attempts == 1 ? " attempt." : " attempts.") + outcome(false)
                        + " Send fewer messages at once or try again later.",
                false, 429, error, apiMessage);
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
