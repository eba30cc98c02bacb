package io.jenkins.plugins.nexor.sandbox;

/**
 * Nexor-side rate limit: a token bucket holding at most {@code perSecond} tokens, refilled continuously. A request
 * that finds no token gets 429 with the seconds until the next token as {@code Retry-After}.
 */
final class RateLimiter {
    private final double perSecond;
    private double tokens;
    private long last = System.nanoTime();

    RateLimiter(double perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
    }

    /** 0 when the request may go on, else the whole seconds to wait (at least 1). */
    synchronized int tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (int) Math.max(1, Math.ceil((1 - tokens) / perSecond));
    }
}
