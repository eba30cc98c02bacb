package io.jenkins.plugins.nexor.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.MessageResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local Nexor on 127.0.0.1, speaking the public API under {@code /api/public}.
 * <pre>{@code
 * try (NexorSandbox sandbox = NexorSandbox.builder().start()) {
 *     NexorClient client = NexorClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build();
 *     ...
 *     sandbox.sentCount(SandboxDirectory.DEMO_LEAD_ANA);
 * }
 * }</pre>
 */
public final class NexorSandbox implements AutoCloseable {
    /** The key the sandbox accepts unless told otherwise. Not a secret: it only opens this local sandbox. */
    public static final String DEMO_API_KEY = "nxr_live_sandbox_demo_key";

    static {
        // answer headers and body without waiting for the client's delayed ACK (~40 ms per request otherwise)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final RequestWorkers workers;
    private final BodyReader bodyReader;
    private final byte[] keyDigest;
    private final String apiKey;
    private final SandboxDirectory directory;
    private final Journal journal;
    private final long latencyMillis;
    private final double rateLimitPerSecond;
    private final RateLimiter rateLimiter;
    private final Fault configuredFault;
    private final AtomicReference<Fault> globalFault = new AtomicReference<>();
    private final AtomicReference<Fault> nextFault = new AtomicReference<>();
    private final AtomicInteger nextFaultCount = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();

    private NexorSandbox(Builder b) throws IOException {
        this.apiKey = b.apiKey;
        this.keyDigest = digest(b.apiKey);
        this.directory = b.directory;
        this.journal = new Journal(b.maxMessages);
        this.latencyMillis = b.latency.toMillis();
        this.rateLimitPerSecond = b.rateLimitPerSecond;
        this.rateLimiter = b.rateLimitPerSecond > 0 ? new RateLimiter(b.rateLimitPerSecond) : null;
        this.configuredFault = b.fault;
        this.globalFault.set(b.fault);
        this.workers = new RequestWorkers(b.threads, b.requestTimeout);
        this.bodyReader = new BodyReader(b.maxBodyBytes,
                b.maxBodiesInFlight > 0 ? b.maxBodiesInFlight : Math.max(1, b.threads / 2), b.requestTimeout);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 256);
        server.createContext("/", new ApiHandler(this));
        server.setExecutor(workers);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL for clients, e.g. {@code http://127.0.0.1:8787/api/public}. */
    public String baseUrl() {
        return rootUrl() + ApiHandler.API;
    }

    /** The page listing the messages sent, e.g. {@code http://127.0.0.1:8787/}. */
    public String rootUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The key this sandbox accepts. */
    public String apiKey() {
        return apiKey;
    }

    public SandboxDirectory directory() {
        return directory;
    }

    /** The requests received by the API (the last ones, bounded), oldest first; no API key in them. */
    public List<RecordedRequest> requests() {
        return journal.requests();
    }

    /** The messages sent (the last ones, bounded), oldest first. */
    public List<SentMessage> messages() {
        return journal.messages();
    }

    /** How many messages this lead was sent since the start (or the last {@link #reset()}). */
    public int sentCount(String leadId) {
        return journal.sentCount(leadId);
    }

    /** Messages sent per lead. */
    public Map<String, Integer> sentCounts() {
        return journal.sentCounts();
    }

    /** API requests being handled right now (e.g. held by a latency fault): lets a test act mid-request. */
    public int activeRequests() {
        return active.get();
    }

    AtomicInteger activeCounter() {
        return active;
    }

    /** A fault for every API request from now on (null: none); {@link #reset()} goes back to the builder's. */
    public NexorSandbox fault(Fault fault) {
        globalFault.set(fault);
        return this;
    }

    /**
     * A fault for the next {@code count} API requests only (e.g. "the next 2 requests get 429"), ahead of the global
     * fault; a request's {@code X-Sandbox-Fault} header wins over both.
     */
    public NexorSandbox failNext(int count, Fault fault) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        synchronized (nextFault) {
            nextFault.set(Objects.requireNonNull(fault));
            nextFaultCount.set(count);
        }
        return this;
    }

    /**
     * Forgets the requests, messages and counts, cancels {@link #failNext} and {@link #fault(Fault)}, and goes back to
     * the fault given to the builder (if any); the directory and the other options stay.
     */
    public void reset() {
        journal.clear();
        globalFault.set(configuredFault);
        synchronized (nextFault) {
            nextFault.set(null);
            nextFaultCount.set(0);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.close();
    }

    // --- used by ApiHandler ---

    Journal journal() {
        return journal;
    }

    BodyReader bodyReader() {
        return bodyReader;
    }

    long latencyMillis() {
        return latencyMillis;
    }

    double rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    /** 0 when the request may go on, else the seconds to wait. */
    int rateLimit() {
        return rateLimiter == null ? 0 : rateLimiter.tryAcquire();
    }

    /** The fault for this request: its header, else the next-N fault, else the global one. */
    Fault faultFor(String header) {
        if (header != null && !header.isBlank()) {
            return Fault.parse(header);
        }
        synchronized (nextFault) {
            if (nextFaultCount.get() > 0) {
                if (nextFaultCount.decrementAndGet() == 0) {
                    Fault f = nextFault.getAndSet(null);
                    return f;
                }
                return nextFault.get();
            }
        }
        return globalFault.get();
    }

    boolean keyMatches(String key) {
        return key != null && MessageDigest.isEqual(keyDigest, digest(key));
    }

    String redact(String text) {
        return text == null ? null : text.replace(apiKey, "(redacted)");
    }

    List<SentMessage> history(String leadId, Set<String> channels) {
        return journal.history(leadId, channels);
    }

    /** Records the message as sent and makes up Nexor's answer for its channel. */
    SentMessage send(MessageRequest r) {
        Channel channel = r.channel();
        boolean template = r.templateId() != null;
        MessageResult result = new MessageResult(true, channel.wireName(),
                channel == Channel.WHATSAPP ? (template ? "template" : "text") : null,
                UUID.randomUUID().toString(),
                channel == Channel.WHATSAPP ? "wamid." + random(24) : null,
                channel == Channel.EMAIL ? "act_" + random(16) : null,
                channel == Channel.CALL ? "call_" + random(16) : null,
                channel == Channel.CALL ? "registered" : null);
        Lead lead = directory.lead(r.leadId());
        SentMessage sent = new SentMessage(Instant.now(), r.leadId(), lead == null ? "" : lead.name(), r.workflowId(),
                channel.wireName(), kept(r.content() != null ? r.content() : r.html()), kept(r.subject()),
                r.templateId(), r.components() == null ? null : kept(r.components().toJson()), kept(r.beginMessage()),
                result);
        journal.add(sent);
        return sent;
    }

    /** Text as kept for inspection: never the key, and bounded. */
    private String kept(String text) {
        return text == null ? null : Journal.cap(redact(text));
    }

    private static String random(int hexChars) {
        byte[] bytes = new byte[hexChars / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "NexorSandbox{" + baseUrl() + "}";
    }

    /** Options of a sandbox; every one has a default. */
    public static final class Builder {
        private int port;
        private String apiKey = DEMO_API_KEY;
        private SandboxDirectory directory = SandboxDirectory.seeded();
        private Duration latency = Duration.ZERO;
        private double rateLimitPerSecond;
        private Fault fault;
        private int maxMessages = 1000;
        private int maxBodyBytes = 256 * 1024;
        private int threads = 32;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxBodiesInFlight;

        private Builder() {}

        /** 0 (default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank() || !apiKey.strip().equals(apiKey)) {
                throw new IllegalArgumentException("the sandbox key must be non-blank without surrounding spaces");
            }
            this.apiKey = apiKey;
            return this;
        }

        public Builder directory(SandboxDirectory directory) {
            this.directory = Objects.requireNonNull(directory);
            return this;
        }

        /** Added to every API request (as a slow Nexor would). */
        public Builder latency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative");
            }
            this.latency = latency;
            return this;
        }

        /** API requests per second answered before 429s start; 0 (default) means no limit. */
        public Builder rateLimit(double perSecond) {
            if (!Double.isFinite(perSecond) || perSecond < 0) {
                throw new IllegalArgumentException("rate limit must be a finite number of requests per second, 0 or"
                        + " more (0 = no limit), got " + perSecond);
            }
            this.rateLimitPerSecond = perSecond;
            return this;
        }

        /** A fault applied to every API request. */
        public Builder fault(Fault fault) {
            this.fault = fault;
            return this;
        }

        /** How many requests and messages are kept for inspection (default 1000). */
        public Builder maxMessages(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxMessages must be at least 1");
            }
            this.maxMessages = max;
            return this;
        }

        /** Bodies larger than this get 413 (default 256 KiB). */
        public Builder maxBodyBytes(int max) {
            if (max < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
            }
            this.maxBodyBytes = max;
            return this;
        }

        /**
         * The time a request may take to arrive, headers and body together, from its first byte (default 10 s): a
         * client still sending after it gets 408, one gone quiet has its connection closed, so that slow clients
         * cannot hold the workers.
         */
        public Builder requestTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be more than 0, e.g. 10 s; got " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Request bodies read at once (default: half the threads, so that bodies held back by slow clients never take
         * every worker); one more waits 100 ms for a slot, then gets 503 with {@code Retry-After: 1}.
         */
        public Builder maxBodiesInFlight(int max) {
            if (max < 1 || max > 512) {
                throw new IllegalArgumentException("maxBodiesInFlight must be 1 to 512 (keep it below threads), got "
                        + max);
            }
            this.maxBodiesInFlight = max;
            return this;
        }

        /**
         * Request threads (default 32): enough for slow answers to many concurrent clients. Up to 1024 more requests
         * wait for a thread; beyond, new connections are closed.
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 512) {
                throw new IllegalArgumentException("threads must be 1 to 512");
            }
            this.threads = threads;
            return this;
        }

        public NexorSandbox start() throws IOException {
            return new NexorSandbox(this);
        }
    }
}
