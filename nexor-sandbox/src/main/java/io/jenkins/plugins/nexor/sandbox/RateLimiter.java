package io.jenkins.plugins.nexor.sandbox;

/**
 * Nexor-side rate limit: a token bucket refilled continuously at {@code perSecond}, holding one second's worth of
 * tokens (at least one, so that rates below 1/s work). A request that finds no token gets 429 with the whole
 * seconds until the next token as {@code Retry-After}.
 */
final class RateLimiter {
    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long last = System.nanoTime();

    RateLimiter(double perSecond) {
        this.perSecond = perSecond;
        this.capacity = Math.max(1, perSecond);
        this.tokens = capacity;
    }

    /** 0 when the request may go on, else the whole seconds to wait (at least 1). */
    synchronized int tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (int) Math.max(1, Math.ceil((1 - tokens) / perSecond));
    }
}
