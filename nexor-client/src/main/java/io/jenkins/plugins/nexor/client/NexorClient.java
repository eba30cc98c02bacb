package io.jenkins.plugins.nexor.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Sends messages through Nexor's public API. One instance per configuration (key, base URL, timeouts); thread-safe;
 * all sends share one connection pool. Redirects are never followed (the key must not reach another host), and
 * a request is retried only when nothing can have been delivered (see {@link PendingSend}).
 *
 * <pre>{@code
 * NexorClient nexor = NexorClient.builder().apiKey(key).build();
 * MessageResult r = nexor.send(MessageRequest.builder().leadId(lead).workflowId(workflow)
 *         .channel(Channel.WHATSAPP).content("Hola Ana").build());
 * }</pre>
 */
public final class NexorClient {
    /** Nexor's public API. */
    public static final String DEFAULT_BASE_URL = "https://api.getnexor.ai/api/public";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);
    /**
     * How long an idle connection is kept for the next send: shorter than the idle timeouts of common servers
     * (gunicorn closes idle keep-alive connections after 2 s, uvicorn and Node after 5 s). A request written on a
     * connection the server is closing gets no answer, and then nobody can tell whether the message was sent. The cost:
     * sends more than this apart each open a new connection (and TLS session), a few tens of milliseconds; sends
     * closer together, as in bulk sending, reuse them.
     */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(1);
    /** This library's version, from the build. */
    public static final String VERSION = readVersion();

    final OkHttpClient http;
    final HttpUrl baseUrl;
    final ApiKey apiKey;
    final String userAgent;
    final int maxAttempts;
    final Duration maxRetryAfter;
    final Duration connectRetryDelay;

    private NexorClient(Builder b) {
        this.apiKey = Objects.requireNonNull(b.apiKey, "apiKey");
        this.baseUrl = HttpUrl.get(b.baseUrl.strip().replaceAll("/+$", "") + "/");
        OkHttpClient.Builder http = b.httpClient != null ? b.httpClient.newBuilder() : new OkHttpClient.Builder();
        this.http = http
                .connectionPool(ConnectionPools.forClient(b.httpClient, b.keepAlive))
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.readTimeout)
                .eventListenerFactory(AttemptWatch.listeners(
                        b.httpClient != null ? b.httpClient.eventListenerFactory() : call -> EventListener.NONE,
                        b.connectTimeout))
                .addNetworkInterceptor(AttemptWatch.INTERCEPTOR)
                .build();
        this.userAgent = (b.product == null ? "" : b.product + " ") + "nexor-java/" + VERSION;
        this.maxAttempts = b.maxAttempts;
        this.maxRetryAfter = b.maxRetryAfter;
        this.connectRetryDelay = b.connectRetryDelay;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sends one message; blocks until Nexor answers. Interrupting the thread does not cancel; use {@link #newSend}. */
    public MessageResult send(MessageRequest request) throws NexorException {
        return newSend(request).execute();
    }

    /** A send that another thread can {@link PendingSend#cancel() cancel} (e.g. when a Jenkins build is aborted). */
    public PendingSend newSend(MessageRequest request) {
        return new PendingSend(this, Objects.requireNonNull(request, "request"));
    }

    /** The workflows of the account ({@code GET /workflows}); also a way to check the key without sending anything. */
    public List<Workflow> workflows() throws NexorException {
        return WireFormat.readWorkflows(get(url("workflows").build()));
    }

    /** The WhatsApp templates of the account, e.g. {@code templates("APPROVED")}; {@code status} may be null. */
    public List<Template> templates(String status) throws NexorException {
        HttpUrl.Builder url = url("templates");
        if (status != null && !status.isBlank()) {
            url.addQueryParameter("status", status.strip());
        }
        return WireFormat.readTemplates(get(url.build()));
    }

    /** The base URL in use, e.g. {@code https://api.getnexor.ai/api/public}. */
    public String baseUrl() {
        return baseUrl.toString().replaceAll("/$", "");
    }

    HttpUrl.Builder url(String path) {
        return baseUrl.newBuilder().addPathSegments(path);
    }

    Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url)
                .header("X-API-Key", apiKey.reveal())
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
    }

    private JsonNode get(HttpUrl url) throws NexorException {
        return new PendingSend(this, null).readOnly(request(url).get().build());
    }

    @Override
    public String toString() {
        return "NexorClient{baseUrl=" + baseUrl() + ", apiKey=" + apiKey + "}";
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = NexorClient.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return p.getProperty("version", "unknown");
    }

    /** Configuration of a {@link NexorClient}; only the API key is required. */
    public static final class Builder {
        private ApiKey apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private OkHttpClient httpClient;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private Duration connectRetryDelay = Duration.ofMillis(250);
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;
        private String product;

        private Builder() {}

        /** @throws IllegalArgumentException when the key is blank or holds whitespace/control characters */
        public Builder apiKey(String apiKey) {
            return apiKey(ApiKey.of(apiKey));
        }

        public Builder apiKey(ApiKey apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * Where Nexor's API lives; {@code https} is required except for loopback hosts (the sandbox).
         *
         * @throws IllegalArgumentException with the rule that the URL breaks
         */
        public Builder baseUrl(String baseUrl) {
            Validation v = Validation.ofBaseUrl(baseUrl);
            if (v.hasErrors()) {
                throw new IllegalArgumentException(v.errors().get(0).message());
            }
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * A client to derive from, e.g. one with a proxy configured. Redirects, timeouts, listeners and interceptors
         * of this library are added to a derived copy, the given client is not changed. The derived copy uses a
         * connection pool with this library's {@link #connectionKeepAlive keep-alive}, one per given client and
         * keep-alive, so that every {@code NexorClient} derived from the same client shares its connections.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** The longest wait to connect, including the TLS handshake. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * The longest wait for Nexor's whole answer, counted from the moment the request starts to be written (so
         * also the longest time writing it may take); a server that drips its answer cannot stretch it.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** Total tries of one send when nothing was delivered (429, connection failures); 1 disables retries. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("maxAttempts must be between 1 and 10, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The longest {@code Retry-After} the client waits for; a longer one ends the send with a rate-limit error. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must be zero or positive");
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** The first pause before retrying a failed connection (doubled each time). */
        public Builder connectRetryDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("connectRetryDelay must be zero or positive");
            }
            this.connectRetryDelay = delay;
            return this;
        }

        /**
         * How long an idle connection is kept for the next send (default {@link #DEFAULT_KEEP_ALIVE}); keep it shorter
         * than the idle timeout of the server and of any proxy in between.
         */
        public Builder connectionKeepAlive(Duration keepAlive) {
            this.keepAlive = positive(keepAlive, "connectionKeepAlive");
            return this;
        }

        /** A product token put before this library's in {@code User-Agent}, e.g. {@code nexor-jenkins/1.2}. */
        public Builder userAgentProduct(String product) {
            this.product = product == null || product.isBlank() ? null : product.replaceAll("[^\\x21-\\x7e ]", "");
            return this;
        }

        /** @throws IllegalStateException when no API key was given */
        public NexorClient build() {
            if (apiKey == null) {
                throw new IllegalStateException(Validation.ofApiKey(null).errors().get(0).message());
            }
            return new NexorClient(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
