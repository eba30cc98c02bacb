package io.jenkins.plugins.nexor.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The connection pools of {@link NexorClient}s: the client's keep-alive (shorter than servers' idle timeouts, see
 * {@link NexorClient#DEFAULT_KEEP_ALIVE}) needs a pool of its own, since OkHttp's default keeps idle connections
 * 5 minutes. Clients derived from one {@link OkHttpClient} (the plugin's, with Jenkins' proxy) share one pool per
 * keep-alive, so they still share connections; a client built without one has its own pool.
 */
final class ConnectionPools {
    /** Idle connections kept at most, OkHttp's default. */
    static final int MAX_IDLE = 5;
    /** By the given client's pool (weakly: a pool no longer used is forgotten), then by keep-alive. */
    private static final Map<ConnectionPool, Map<Duration, ConnectionPool>> DERIVED = new WeakHashMap<>();

    private ConnectionPools() {}

    static synchronized ConnectionPool forClient(OkHttpClient base, Duration keepAlive) {
        if (base == null) {
            return newPool(keepAlive);
        }
        return DERIVED.computeIfAbsent(base.connectionPool(), p -> new HashMap<>())
                .computeIfAbsent(keepAlive, ConnectionPools::newPool);
    }

    private static ConnectionPool newPool(Duration keepAlive) {
        return new ConnectionPool(MAX_IDLE, keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    }
}
