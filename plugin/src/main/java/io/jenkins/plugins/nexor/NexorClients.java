package io.jenkins.plugins.nexor;

import hudson.Extension;
import hudson.ProxyConfiguration;
import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.model.Jenkins;
import okhttp3.OkHttpClient;

/**
 * The {@link NexorClient}s of this Jenkins: one per API key for the current global configuration, all sharing one
 * OkHttp connection pool with Jenkins' proxy settings ({@code okhttp-api}). Dropped and rebuilt lazily when the
 * Nexor or the proxy configuration is saved. Keys are held only inside the clients; the map is keyed by digest.
 */
public final class NexorClients {
    private static final NexorClients INSTANCE = new NexorClients();
    /** More distinct keys than this in one Jenkins is unusual; beyond it the cache starts over. */
    private static final int MAX_CLIENTS = 64;

    private final Map<String, NexorClient> clients = new ConcurrentHashMap<>();
    private volatile OkHttpClient base;

    private NexorClients() {}

    public static NexorClients get() {
        return INSTANCE;
    }

    /** The shared client for this key and the current global configuration. */
    NexorClient client(String apiKey) {
        if (clients.size() >= MAX_CLIENTS) {
            clients.clear();
        }
        return clients.computeIfAbsent(digest(apiKey), d -> {
            NexorGlobalConfiguration config = NexorGlobalConfiguration.get();
            return newClient(
                    apiKey, config.getBaseUrl(), config.getConnectTimeoutSeconds(), config.getReadTimeoutSeconds());
        });
    }

    /** A client for given settings (e.g. the "Test connection" button's), on the shared pool, not cached. */
    NexorClient newClient(String apiKey, String baseUrl, int connectTimeoutSeconds, int readTimeoutSeconds) {
        return NexorClient.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .httpClient(base())
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .readTimeout(Duration.ofSeconds(readTimeoutSeconds))
                .userAgentProduct("nexor-jenkins/" + pluginVersion() + " Jenkins/" + Jenkins.VERSION)
                .build();
    }

    private OkHttpClient base() {
        OkHttpClient b = base;
        if (b == null) {
            synchronized (this) {
                b = base;
                if (b == null) {
                    b = JenkinsOkHttpClient.newClientBuilder(new OkHttpClient()).build();
                    base = b;
                }
            }
        }
        return b;
    }

    /** Forget every client (configuration or proxy changed); the connection pool is rebuilt too. */
    void invalidate() {
        clients.clear();
        NexorCatalog.clear();
        OkHttpClient old = base;
        base = null;
        if (old != null) {
            old.connectionPool().evictAll();
        }
    }

    private static String pluginVersion() {
        var plugin = Jenkins.get().getPluginManager().getPlugin("nexor");
        return plugin == null ? "dev" : plugin.getVersion();
    }

    static String digest(String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rebuilds the clients when Jenkins' proxy settings change. */
    @Extension
    public static final class ProxyChanges extends SaveableListener {
        @Override
        public void onChange(Saveable o, XmlFile file) {
            if (o instanceof ProxyConfiguration) {
                INSTANCE.invalidate();
            }
        }
    }
}
