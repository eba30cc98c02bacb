package io.jenkins.plugins.nexor.sandbox;

import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.nexor.client.WireFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP exchange of the sandbox: reads the body (bounded in size and time: {@link BodyReader}), answers (or drops
 * the connection, or breaks the JSON, as a fault asks), and records an API request in the journal exactly once,
 * without the API key.
 */
final class Exchange {
    /** Thrown to make the JDK server close the connection without an answer. */
    static final class DropConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("connection dropped on purpose (sandbox fault)", null, false, false);
        }
    }

    /** Headers whose values are never recorded. */
    private static final Set<String> SECRET_HEADERS = Set.of("x-api-key", "authorization", "proxy-authorization",
            "cookie");

    final HttpExchange raw;
    private final NexorSandbox sandbox;
    private byte[] body;
    private boolean answered;
    private boolean dropInsteadOfAnswer;
    private boolean breakJson;
    private RequestRead cutAfterAnswer;

    Exchange(HttpExchange raw, NexorSandbox sandbox) {
        this.raw = raw;
        this.sandbox = sandbox;
    }

    boolean answered() {
        return answered;
    }

    String header(String name) {
        return raw.getRequestHeaders().getFirst(name);
    }

    /** From now on, whatever the answer would be, it is lost: the connection closes instead (drop-after-read). */
    void dropInsteadOfAnswer() {
        dropInsteadOfAnswer = true;
    }

    /** From now on, a 200 answer is cut in the middle of its JSON (malformed-json). */
    void breakJson() {
        breakJson = true;
    }

    /** Records the request as received (status 0: no answer) and closes the connection. */
    void drop() {
        record(0);
        answered = true;
        throw new DropConnection();
    }

    /**
     * Once the answer is written, the rest of the request (which the JDK's server drains before closing) gets only
     * {@link BodyReader#DRAIN_GRACE}: for refusals answered before the body was read.
     */
    void cutAfterAnswer(RequestRead read) {
        cutAfterAnswer = read;
    }

    /** The body (empty when none), or null when the request was answered instead (413, 408, 503: BodyReader). */
    byte[] readBody() throws IOException {
        body = sandbox.bodyReader().read(this);
        return body;
    }

    void error(int status, String error, String message) throws IOException {
        respond(status, "application/json", WireFormat.writeError(error, message));
    }

    void json(int status, Object tree) throws IOException {
        respond(status, "application/json", WireFormat.bytes(tree));
    }

    void respond(int status, String contentType, byte[] bytes) throws IOException {
        if (dropInsteadOfAnswer) {
            drop();
        }
        if (breakJson && status == 200 && contentType.startsWith("application/json")) {
            bytes = Arrays.copyOf(bytes, Math.max(1, bytes.length / 2)); // an object that never ends
        }
        record(status);
        answered = true;
        raw.getResponseHeaders().set("Content-Type", contentType);
        raw.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = raw.getResponseBody()) {
            out.write(bytes);
            if (cutAfterAnswer != null) {
                out.flush();
                cutAfterAnswer.cutAfter(BodyReader.DRAIN_GRACE.toNanos()); // closing drains the body
            }
        }
    }

    private void record(int status) {
        String path = raw.getRequestURI().getPath();
        if (!path.startsWith(ApiHandler.API)) {
            return; // the journal is about the API, not about people looking at the sandbox
        }
        Map<String, String> headers = new LinkedHashMap<>();
        raw.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("X-API-Key")) {
                headers.put("X-API-Key", sandbox.keyMatches(values.get(0)) ? "(valid key)" : "(invalid key)");
            } else if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, "(redacted)");
            } else {
                headers.put(name, sandbox.redact(String.join(", ", values)));
            }
        });
        String text = body == null ? "" : Journal.cap(sandbox.redact(new String(body, StandardCharsets.UTF_8)));
        String query = raw.getRequestURI().getRawQuery();
        sandbox.journal().add(new RecordedRequest(Instant.now(), raw.getRequestMethod(), path,
                query == null ? null : sandbox.redact(query), Collections.unmodifiableMap(headers), text, status));
    }
}
