package io.jenkins.plugins.nexor.client;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Connection;
import okhttp3.Protocol;

/**
 * Whether the server has already closed a pooled HTTP/1.x connection that is about to carry a request.
 *
 * <p>Servers close keep-alive connections that sit idle (gunicorn after 2 s, uvicorn and Node after 5 s) or when
 * they restart. A request written on a connection the server has closed gets no answer, and the client cannot tell
 * that apart from "the server received it and then failed": its outcome would be unknown. Checked just before
 * writing, the close is certain and nothing has been written, so the request can go on a new connection. OkHttp
 * makes the same check itself (a read with a 1 ms timeout) only for connections idle 10 s or more; this makes it
 * for connections that answered a request of ours at least {@link #CHECK_AFTER_NANOS} ago. The check cannot close
 * the window between itself and the write: a close that arrives in that millisecond still leaves the outcome unknown,
 * which is why the pool's keep-alive is kept shorter than servers' idle timeouts ({@link NexorClient}).
 *
 * <p>HTTP/2 connections are not read here (OkHttp's reader thread owns them; a server closing one says which
 * streams it did not process, and OkHttp retries those itself).
 */
final class IdleConnections {
    /** Connections that answered more recently than this are not checked (a check can cost a 1 ms read). */
    static final long CHECK_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Map<Connection, Long> LAST_ANSWER = Collections.synchronizedMap(new WeakHashMap<>());

    private IdleConnections() {}

    /** The connection carried an answer to one of our requests. */
    static void answered(Connection connection) {
        LAST_ANSWER.put(connection, System.nanoTime());
    }

    /**
     * True when the server has closed the connection (or sent something unasked, which makes it unusable too): the
     * request must not be written on it. Only for connections that already carried a request of ours.
     */
    static boolean closedByServer(Connection connection) {
        Long last = LAST_ANSWER.get(connection);
        Protocol protocol = connection.protocol();
        if (last == null || System.nanoTime() - last < CHECK_AFTER_NANOS
                || protocol == Protocol.HTTP_2 || protocol == Protocol.H2_PRIOR_KNOWLEDGE) {
            return false;
        }
        Socket socket = connection.socket();
        int timeout;
        try {
            timeout = socket.getSoTimeout();
        } catch (SocketException e) {
            return true;
        }
        try {
            socket.setSoTimeout(1);
            socket.getInputStream().read(); // -1: closed; a byte: out of step. Either way, unusable
            return true;
        } catch (SocketTimeoutException nothingToRead) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            try {
                socket.setSoTimeout(timeout);
            } catch (SocketException ignored) {
                // closed: OkHttp drops it from the pool
            }
        }
    }
}
