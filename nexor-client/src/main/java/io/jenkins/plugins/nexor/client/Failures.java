package io.jenkins.plugins.nexor.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What an I/O failure of one {@link Attempt} means for the message, as the {@link TransportException} to report.
 * Only an attempt that was never written is "nothing was sent"; a TLS failure is never worth retrying.
 */
final class Failures {
    private Failures() {}

    static TransportException of(IOException e, Attempt attempt, NexorClient client, int attempts) {
        String host = client.apiKey.redact(client.baseUrl.host() + ":" + client.baseUrl.port());
        boolean written = attempt.written();
        if (!written && isTls(e, attempt)) {
            return tls(e, attempt, client, host, attempts);
        }
        if (attempt.expired() == Attempt.Expired.ANSWER || (written && find(e, SocketTimeoutException.class) != null)) {
            return new TransportException(attempt.answerBegan() ? "error.transport.answerIncomplete"
                    : "error.transport.readTimeout", new Object[] {host, seconds(client.http.readTimeoutMillis())},
                    true, attempts, e);
        }
        if (written && answeredInTls(e)) {
            return new TransportException("error.transport.httpToTls", new Object[] {host}, false, attempts, e, false);
        }
        if (!written && e instanceof SocketTimeoutException) {
            return new TransportException("error.transport.connectTimeout", new Object[] {host, attempts}, false,
                    attempts, e);
        }
        return written
                ? new TransportException("error.transport.sent", new Object[] {host, describe(e, client)}, true,
                        attempts, e)
                : new TransportException("error.transport.unreachable",
                        new Object[] {host, describe(e, client), attempts}, false, attempts, e);
    }

    private static boolean isTls(IOException e, Attempt attempt) {
        IOException handshake = attempt.handshakeFailure();
        return attempt.expired() == Attempt.Expired.HANDSHAKE || find(e, SSLException.class) != null
                || (handshake != null && contains(e, handshake));
    }

    /**
     * A TLS handshake that failed: not retried, nothing sent. A server that does not answer it, answers with
     * something that is not TLS, or hangs up, is most likely plain http on an {@code https://} URL.
     */
    private static TransportException tls(IOException e, Attempt attempt, NexorClient client, String host,
            int attempts) {
        IOException cause = attempt.handshakeFailure() != null ? attempt.handshakeFailure() : e;
        if (attempt.expired() == Attempt.Expired.HANDSHAKE || find(cause, SocketTimeoutException.class) != null) {
            long millis = attempt.expired() == Attempt.Expired.HANDSHAKE ? client.http.connectTimeoutMillis()
                    : client.http.readTimeoutMillis();
            return new TransportException("error.transport.tlsNoAnswer", new Object[] {host, seconds(millis)}, false,
                    attempts, e, false);
        }
        String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        boolean certificate = find(cause, CertificateException.class) != null
                || find(cause, SSLPeerUnverifiedException.class) != null;
        boolean notTls = !certificate && (text.contains("unrecognized ssl message") || text.contains("plaintext")
                || text.contains("remote host terminated") || find(cause, EOFException.class) != null);
        return new TransportException(notTls ? "error.transport.tlsNotTls" : "error.transport.tls",
                new Object[] {host, describe(cause, client)}, false, attempts, e, false);
    }

    /**
     * The answer to a plain-http request began with a TLS record (an alert, 0x15, or a handshake, 0x16, then major
     * version 3): the server speaks TLS, and a TLS server never reads plain HTTP as a request, so nothing was sent.
     */
    private static boolean answeredInTls(IOException e) {
        java.net.ProtocolException p = find(e, java.net.ProtocolException.class);
        String prefix = "Unexpected status line: ";
        String m = p == null ? null : p.getMessage();
        if (m == null || !m.startsWith(prefix) || m.length() < prefix.length() + 2) {
            return false;
        }
        char type = m.charAt(prefix.length());
        return (type == 0x15 || type == 0x16) && m.charAt(prefix.length() + 1) == 0x03;
    }

    /** "SSLException: Unsupported or unrecognized SSL message": one line, key-free, control characters escaped. */
    private static String describe(IOException e, NexorClient client) {
        return Text.oneLine(client.apiKey.redact(
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
    }

    /** Seconds for a message: 30, 0.5. */
    static double seconds(long millis) {
        return millis / 1000.0;
    }

    /** The first throwable of the given type in the cause chain, or null. */
    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** Whether {@code target} is {@code t}, one of its causes or one of their suppressed exceptions. */
    private static boolean contains(Throwable t, Throwable target) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c == target) {
                return true;
            }
            for (Throwable s : c.getSuppressed()) {
                if (s == target) {
                    return true;
                }
            }
        }
        return false;
    }
}
