package io.jenkins.plugins.nexor.sandbox;

import java.util.Locale;

/**
 * A failure the sandbox injects, globally ({@code --fault}, {@link NexorSandbox#fault}), for the next requests
 * ({@link NexorSandbox#failNext}) or per request with the header {@code X-Sandbox-Fault}. Text forms:
 * {@code latency=200}, {@code status=429;retry-after=2}, {@code status=500}, {@code drop-before-read},
 * {@code drop-after-read}, {@code malformed-json}, {@code html}, {@code success-false}.
 */
public record Fault(Kind kind, int status, int retryAfterSeconds, long latencyMillis) {

    /** What goes wrong. */
    public enum Kind {
        /** Answer normally, after a delay. */
        LATENCY,
        /** Answer with an HTTP status and Nexor's error body (429 with {@code Retry-After}). */
        STATUS,
        /**
         * Close the connection after the request line and headers, before reading the body: nothing is processed or
         * sent; the request is recorded with status 0 and no body. The client has written its request by then, so it
         * cannot tell this from {@link #DROP_AFTER_READ} and rightly reports "may have been sent".
         */
        DROP_BEFORE_READ,
        /**
         * Read and process the request as usual (a valid message is sent), then close the connection instead of
         * answering; recorded with status 0.
         */
        DROP_AFTER_READ,
        /** Process the request as usual, then cut a 200 answer's JSON in the middle (a valid message is sent). */
        MALFORMED_JSON,
        /** 200 with an HTML page, as a proxy's error page; nothing is processed. */
        HTML,
        /** {@code POST /messages}: 200 with {@code success: false} for a valid message, which is not sent. */
        SUCCESS_FALSE
    }

    public Fault {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind == Kind.STATUS && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be 100 to 599, got " + status);
        }
        if (retryAfterSeconds < 0 || latencyMillis < 0) {
            throw new IllegalArgumentException("retry-after and latency must not be negative");
        }
    }

    public static Fault latency(long millis) {
        return new Fault(Kind.LATENCY, 0, 0, millis);
    }

    public static Fault status(int status) {
        return new Fault(Kind.STATUS, status, status == 429 ? 1 : 0, 0);
    }

    public static Fault rateLimited(int retryAfterSeconds) {
        return new Fault(Kind.STATUS, 429, retryAfterSeconds, 0);
    }

    public static Fault of(Kind kind) {
        return new Fault(kind, 0, 0, 0);
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException saying which forms exist
     */
    public static Fault parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("latency=")) {
                long millis = Long.parseLong(t.substring(8).replace("ms", "").strip());
                if (millis < 0) {
                    throw new NumberFormatException();
                }
                return latency(millis);
            }
            if (t.startsWith("status=")) {
                String[] parts = t.substring(7).split(";");
                int status = Integer.parseInt(parts[0].strip());
                int retryAfter = status == 429 ? 1 : 0;
                for (int i = 1; i < parts.length; i++) {
                    if (parts[i].strip().startsWith("retry-after=")) {
                        retryAfter = Integer.parseInt(parts[i].strip().substring(12));
                    }
                }
                if (status < 100 || status > 599 || retryAfter < 0) {
                    throw new NumberFormatException();
                }
                return new Fault(Kind.STATUS, status, retryAfter, 0);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in fault \"" + text + "\"; " + FORMS);
        }
        return switch (t) {
            case "drop-before-read" -> of(Kind.DROP_BEFORE_READ);
            case "drop-after-read" -> of(Kind.DROP_AFTER_READ);
            case "malformed-json" -> of(Kind.MALFORMED_JSON);
            case "html" -> of(Kind.HTML);
            case "success-false" -> of(Kind.SUCCESS_FALSE);
            default -> throw new IllegalArgumentException("unknown fault \"" + text + "\"; " + FORMS);
        };
    }

    static final String FORMS = "use latency=MILLIS, status=CODE[;retry-after=SECONDS], drop-before-read, "
            + "drop-after-read, malformed-json, html or success-false";

    @Override
    public String toString() {
        return switch (kind) {
            case LATENCY -> "latency=" + latencyMillis;
            case STATUS -> "status=" + status + (status == 429 ? ";retry-after=" + retryAfterSeconds : "");
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }
}
