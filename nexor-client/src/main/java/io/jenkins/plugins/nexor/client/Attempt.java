package io.jenkins.plugins.nexor.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okio.AsyncTimeout;

/**
 * One HTTP attempt of a send, carried as the request's tag: whether the request was written (after which a failure
 * leaves the outcome unknown), whether Nexor's answer began, and the two bounds this client adds to OkHttp's
 * timeouts, which are per read and would let a server that drips bytes hold a send for ever:
 * <ul>
 *   <li>the TLS handshake within the connect timeout (OkHttp bounds it only by the read timeout, per read);</li>
 *   <li>the whole answer within the read timeout, counted from the moment the request starts to be written.</li>
 * </ul>
 * A bound that expires cancels the call and is remembered, so that the failure names it. Both run on Okio's
 * watchdog thread (no thread of ours).
 */
final class Attempt {
    /** Which of this client's bounds ended the attempt. */
    enum Expired { HANDSHAKE, ANSWER }

    private final Runnable onWrite;
    private final Bound handshake = new Bound(Expired.HANDSHAKE);
    private final Bound answer = new Bound(Expired.ANSWER);
    private volatile boolean written;
    private volatile boolean answered;
    private volatile Expired expired;
    private volatile IOException handshakeFailure;

    /** @param onWrite run once, just before the request is written (bulk sending paces by it); may be null */
    Attempt(Runnable onWrite) {
        this.onWrite = onWrite;
    }

    /** The request is about to be written on a connection; from now on Nexor may receive it. */
    void writing(Call call, long answerMillis) {
        if (!written) {
            written = true;
            if (onWrite != null) {
                onWrite.run();
            }
        }
        answer.arm(call, answerMillis);
    }

    /** Nexor's status line and headers arrived. */
    void answered() {
        answered = true;
    }

    void handshakeStarted(Call call, long millis) {
        handshake.arm(call, millis);
    }

    /**
     * @param failure why the handshake (or the connection it was part of) failed, or null when it succeeded. Only
     *                the thread that started the handshake ends it: OkHttp reports the failures of the TCP connects
     *                it races and cancels (fast fallback) from other threads.
     */
    void handshakeEnded(IOException failure) {
        if (handshake.disarm(Thread.currentThread()) && failure != null) {
            handshakeFailure = failure;
        }
    }

    /** The attempt is over: no bound may fire any more. */
    void finish() {
        handshake.disarm(null);
        answer.disarm(null);
    }

    boolean written() {
        return written;
    }

    boolean answerBegan() {
        return answered;
    }

    /** The bound that ended the attempt, or null. */
    Expired expired() {
        return expired;
    }

    /** The failure of a TLS handshake of this attempt, or null. */
    IOException handshakeFailure() {
        return handshakeFailure;
    }

    /** One bound: cancels the call when it expires. Armed at most once at a time. */
    private final class Bound extends AsyncTimeout {
        private final Expired kind;
        private volatile Call call;
        private Thread armedBy;

        Bound(Expired kind) {
            this.kind = kind;
        }

        synchronized void arm(Call call, long millis) {
            if (armedBy != null || millis <= 0) {
                return;
            }
            this.call = call;
            timeout(millis, TimeUnit.MILLISECONDS);
            enter();
            armedBy = Thread.currentThread();
        }

        /**
         * @param by disarms only if this thread armed it; null: whoever did
         * @return whether it was armed (and is no more)
         */
        synchronized boolean disarm(Thread by) {
            if (armedBy == null || (by != null && by != armedBy)) {
                return false;
            }
            armedBy = null;
            exit();
            return true;
        }

        @Override
        protected void timedOut() {
            expired = kind;
            Call c = call;
            if (c != null) {
                c.cancel();
            }
        }
    }
}
