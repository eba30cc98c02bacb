package io.jenkins.plugins.nexor.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Ties each {@link Attempt} (the request's tag) to what OkHttp does with it: a network interceptor that runs just
 * before the request is written, and an event listener for TLS handshakes. Requests without an attempt tag pass
 * through untouched.
 */
final class AttemptWatch {
    private AttemptWatch() {}

    /**
     * Before the request is written: refuses a pooled connection the server has closed (nothing is written; the send
     * goes on a new connection), then marks the attempt written and starts the bound on the whole answer.
     */
    static final Interceptor INTERCEPTOR = chain -> {
        Attempt attempt = chain.request().tag(Attempt.class);
        Connection connection = chain.connection();
        if (attempt == null || connection == null) {
            return chain.proceed(chain.request());
        }
        if (IdleConnections.closedByServer(connection)) {
            connection.socket().close(); // OkHttp then drops it from the pool
            throw new StaleConnectionException();
        }
        attempt.writing(chain.call(), chain.readTimeoutMillis());
        Response response = chain.proceed(chain.request());
        attempt.answered();
        IdleConnections.answered(connection);
        return response;
    };

    /** The given client's listeners, plus one that bounds every TLS handshake by {@code handshakeTimeout}. */
    static EventListener.Factory listeners(EventListener.Factory base, Duration handshakeTimeout) {
        long millis = handshakeTimeout.toMillis();
        return call -> base.create(call).plus(new Handshakes(millis));
    }

    /** Arms an attempt's handshake bound while a TLS handshake is under way. */
    private static final class Handshakes extends EventListener {
        private final long millis;

        Handshakes(long millis) {
            this.millis = millis;
        }

        private static Attempt attempt(Call call) {
            return call.request().tag(Attempt.class);
        }

        @Override
        public void secureConnectStart(Call call) {
            Attempt a = attempt(call);
            if (a != null) {
                a.handshakeStarted(call, millis);
            }
        }

        @Override
        public void secureConnectEnd(Call call, Handshake handshake) {
            Attempt a = attempt(call);
            if (a != null) {
                a.handshakeEnded(null);
            }
        }

        @Override
        public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol,
                IOException failure) {
            Attempt a = attempt(call);
            if (a != null) {
                a.handshakeEnded(failure);
            }
        }
    }
}
