package io.jenkins.plugins.nexor.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads request bodies within the sandbox's limits, and answers the refusals itself: larger than the maximum → 413;
 * not arrived within the request's time budget → 408 (or the connection closed, see {@link RequestWorkers}); more
 * bodies being read at once than allowed → 503 with {@code Retry-After}, so that clients holding their bodies back
 * can take only part of the workers and honest requests go on being served.
 */
final class BodyReader {
    /** How long a body waits for a free slot before its 503 (honest bodies hold one for microseconds). */
    static final Duration SLOT_WAIT = Duration.ofMillis(100);
    /**
     * After a refusal the JDK's server drains the unread body before closing (up to 64 KiB): a client that sends
     * nothing more is cut this long after the answer instead of holding its worker until the deadline.
     */
    static final Duration DRAIN_GRACE = Duration.ofMillis(200);
    /** Time to write a refusal (a client that does not read it is cut); the first answer of a JVM loads classes. */
    static final Duration ANSWER_TIME = Duration.ofSeconds(5);

    private final int maxBytes;
    private final int maxInFlight;
    private final Semaphore slots;
    private final Duration timeout;

    BodyReader(int maxBytes, int maxInFlight, Duration timeout) {
        this.maxBytes = maxBytes;
        this.maxInFlight = maxInFlight;
        this.slots = new Semaphore(maxInFlight);
        this.timeout = timeout;
    }

    /**
     * The body (empty when there is none), or null when the request was answered instead.
     *
     * @throws Exchange.DropConnection when the read was cut or the client went away: the connection closes
     */
    byte[] read(Exchange ex) throws IOException {
        RequestRead read = RequestWorkers.current();
        if (!declaresBody(ex)) {
            finish(read);
            return new byte[0];
        }
        try {
            if (!slots.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                ex.raw.getResponseHeaders().set("Retry-After", "1");
                refuse(ex, read, 503, "Service unavailable", maxInFlight + (maxInFlight == 1 ? " request body is"
                        : " request bodies are") + " being received already, the most this sandbox reads at once"
                        + " (maxBodiesInFlight); retry in a moment");
                return null;
            }
        } catch (InterruptedException e) {
            ex.drop(); // cut while waiting, or the sandbox is closing
        }
        try {
            byte[] bytes = new DeadlineInputStream(ex.raw.getRequestBody(), read).readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                refuse(ex, read, 413, "Payload too large", "The body is larger than " + maxBytes + " bytes");
                return null;
            }
            finish(read);
            return bytes;
        } catch (DeadlineInputStream.Expired e) {
            refuse(ex, read, 408, "Request timeout", "The request took more than " + describe(timeout)
                    + " to arrive (headers and body); send it at once, or raise the sandbox's requestTimeout"
                    + " (--request-timeout)");
            return null;
        } catch (IOException e) {
            ex.drop(); // cut at the deadline (the connection is closed already) or the client went away
            return null;
        } finally {
            slots.release();
        }
    }

    /** Answers with the connection closed after; the rest of the body is not read, its drain bounded. */
    private static void refuse(Exchange ex, RequestRead read, int status, String error, String message)
            throws IOException {
        ex.raw.getResponseHeaders().set("Connection", "close");
        if (read != null) {
            read.cutAfter(ANSWER_TIME.toNanos());
            ex.cutAfterAnswer(read);
        }
        ex.error(status, error, message);
    }

    private static void finish(RequestRead read) {
        if (read != null) {
            read.finish();
        }
    }

    private static boolean declaresBody(Exchange ex) {
        String length = ex.header("Content-Length");
        return ex.header("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }

    /** {@code 10 s}, {@code 500 ms}, {@code 1.5 s}. */
    static String describe(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return (millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0)) + " s";
    }
}
