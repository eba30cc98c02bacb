package io.jenkins.plugins.nexor.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.Validation;
import io.jenkins.plugins.nexor.client.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every route of the sandbox: Nexor's public API under {@code /api/public}, the page at {@code /}, and the
 * inspection endpoints under {@code /sandbox}. Never lets an exception escape except to drop a connection on
 * purpose; garbage gets a 4xx.
 */
final class ApiHandler implements HttpHandler {
    static final String API = "/api/public";

    /** Thrown to make the JDK server close the connection without an answer. */
    private static final class DropConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("connection dropped on purpose (sandbox fault)", null, false, false);
        }
    }

    private final NexorSandbox sandbox;

    ApiHandler(NexorSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        Exchange exchange = new Exchange(ex);
        try {
            if (path.startsWith(API + "/") || path.equals(API)) {
                sandbox.activeCounter().incrementAndGet();
                try {
                    api(exchange, method, path.substring(API.length()));
                } finally {
                    sandbox.activeCounter().decrementAndGet();
                }
            } else if (path.equals("/") && method.equals("GET")) {
                exchange.respond(200, "text/html; charset=utf-8",
                        PageHandler.render(sandbox).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/sandbox/requests") && method.equals("GET")) {
                exchange.json(200, SandboxJson.requests(sandbox.requests()));
            } else if (path.equals("/sandbox/messages") && method.equals("GET")) {
                exchange.json(200, SandboxJson.messages(sandbox.messages(), sandbox.sentCounts()));
            } else if (path.equals("/sandbox/reset") && method.equals("POST")) {
                sandbox.reset();
                exchange.json(200, SandboxJson.object().put("success", true));
            } else {
                exchange.error(404, "Not found", "No route for " + method + " " + path);
            }
        } catch (DropConnection e) {
            throw e; // the server closes the connection: the client sees no answer
        } catch (RuntimeException e) {
            if (!exchange.answered) {
                exchange.error(500, "Internal server error", "sandbox: " + e);
            }
        } finally {
            ex.close();
        }
    }

    private void api(Exchange ex, String method, String route) throws IOException {
        Fault fault;
        try {
            fault = sandbox.faultFor(ex.raw.getRequestHeaders().getFirst("X-Sandbox-Fault"));
        } catch (IllegalArgumentException e) {
            ex.error(400, "Invalid fault", e.getMessage());
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.DROP_BEFORE_READ) {
            ex.record(null, 0);
            throw new DropConnection();
        }
        byte[] body = ex.readBody(sandbox.maxBodyBytes());
        if (body == null) {
            ex.error(413, "Payload too large", "The body is larger than " + sandbox.maxBodyBytes() + " bytes");
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.LATENCY) {
            sleep(fault.latencyMillis());
        }
        if (sandbox.latencyMillis() > 0) {
            sleep(sandbox.latencyMillis());
        }
        String key = ex.raw.getRequestHeaders().getFirst("X-API-Key");
        if (key == null || key.isBlank()) {
            ex.error(401, "Missing API key", "Please provide your API key in the X-API-Key header");
            return;
        }
        if (!sandbox.keyMatches(key)) {
            ex.error(401, "Invalid API key", "The provided API key is not valid");
            return;
        }
        int wait = sandbox.rateLimit();
        if (wait > 0) {
            ex.raw.getResponseHeaders().set("Retry-After", Integer.toString(wait));
            ex.error(429, "Too many requests", "Rate limit of " + sandbox.rateLimitPerSecond()
                    + " requests per second exceeded; retry after " + wait + " s");
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.STATUS) {
            if (fault.status() == 429) {
                ex.raw.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
            }
            ex.error(fault.status(), reason(fault.status()), "Injected by the sandbox (" + fault + ")");
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.HTML) {
            ex.respond(200, "text/html", ("<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway"
                    + "</h1><p>The proxy could not reach the upstream server.</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (route.equals("/messages")) {
            if (!method.equals("POST")) {
                ex.error(405, "Method not allowed", "Use POST /messages");
                return;
            }
            messages(ex, body, fault);
        } else if (route.equals("/templates") && method.equals("GET")) {
            String status = query(ex).get("status");
            ex.json(200, SandboxJson.templates(sandbox.directory().templates(), status));
        } else if (route.equals("/workflows") && method.equals("GET")) {
            ex.json(200, SandboxJson.workflows(sandbox.directory().workflows()));
        } else if (route.startsWith("/leads/") && method.equals("GET")) {
            lead(ex, route.substring("/leads/".length()));
        } else {
            ex.error(404, "Not found", "No route for " + method + " " + API + route);
        }
    }

    private void messages(Exchange ex, byte[] body, Fault fault) throws IOException {
        MessageRequest.Builder input;
        try {
            input = WireFormat.readRequest(body);
        } catch (IllegalArgumentException e) {
            ex.error(400, "Invalid request", e.getMessage());
            return;
        }
        Validation validation = input.validate();
        if (validation.hasErrors()) {
            ex.error(400, "Invalid request", validation.errors().stream()
                    .map(p -> p.field().apiName() + ": " + p.message()).collect(Collectors.joining("; ")));
            return;
        }
        MessageRequest request;
        try {
            request = input.build();
        } catch (io.jenkins.plugins.nexor.client.InvalidRequestException e) {
            ex.error(400, "Invalid request", e.getMessage());
            return;
        }
        MessageRules.Refusal refusal = MessageRules.check(request, sandbox.directory());
        if (refusal != null) {
            ex.error(refusal.status(), refusal.error(), refusal.message());
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.SUCCESS_FALSE) {
            ex.json(200, SandboxJson.object().put("success", false).put("error", "Provider error")
                    .put("message", "The provider did not accept the message (injected by the sandbox)"));
            return;
        }
        SentMessage sent = sandbox.send(request);
        if (fault != null && fault.kind() == Fault.Kind.DROP_AFTER_READ) {
            ex.record(body, 0);
            throw new DropConnection();
        }
        if (fault != null && fault.kind() == Fault.Kind.MALFORMED_JSON) {
            ex.respond(200, "application/json", "{\"success\":true,\"message_id\":".getBytes(StandardCharsets.UTF_8));
            return;
        }
        ex.respond(200, "application/json", WireFormat.writeResult(sent.result()));
    }

    private void lead(Exchange ex, String rest) throws IOException {
        String[] parts = rest.split("/");
        Lead lead = sandbox.directory().lead(parts[0]);
        if (lead == null) {
            ex.error(404, "Lead not found", "No lead with id " + parts[0]);
        } else if (parts.length == 1) {
            ex.json(200, SandboxJson.object().put("success", true).set("lead", SandboxJson.lead(lead)));
        } else if (parts.length == 2 && parts[1].equals("history")) {
            Map<String, String> q = query(ex);
            Set<String> channels = q.containsKey("channel")
                    ? new HashSet<>(Arrays.asList(q.get("channel").split(","))) : null;
            int limit = intParam(q.get("limit"), 50);
            int offset = intParam(q.get("offset"), 0);
            List<SentMessage> all = sandbox.history(lead.id(), channels);
            List<SentMessage> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
            ArrayNode items = SandboxJson.array();
            page.forEach(m -> items.add(SandboxJson.message(m)));
            ObjectNode answer = SandboxJson.object().put("success", true).put("total", all.size());
            answer.set("history", items);
            ex.json(200, answer);
        } else {
            ex.error(404, "Not found", "No route for GET " + API + "/leads/" + rest);
        }
    }

    private static int intParam(String value, int fallback) {
        try {
            return value == null ? fallback : Math.max(0, Math.min(1000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Map<String, String> query(Exchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = ex.raw.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                out.put(decode(k), decode(v));
            }
        }
        return out;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String reason(int status) {
        return switch (status) {
            case 429 -> "Too many requests";
            case 500 -> "Internal server error";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> "Error " + status;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One exchange: reading, answering, and recording it (once) in the journal. */
    private final class Exchange {
        final HttpExchange raw;
        byte[] body;
        boolean answered;

        Exchange(HttpExchange raw) {
            this.raw = raw;
        }

        /** The body, or null when it is larger than {@code max} bytes. */
        byte[] readBody(int max) throws IOException {
            try (InputStream in = raw.getRequestBody()) {
                byte[] bytes = in.readNBytes(max + 1);
                if (bytes.length > max) {
                    raw.getResponseHeaders().set("Connection", "close"); // the rest of the body is not read
                    return null;
                }
                body = bytes;
                return bytes;
            }
        }

        void error(int status, String error, String message) throws IOException {
            respond(status, "application/json", WireFormat.writeError(error, message));
        }

        void json(int status, Object tree) throws IOException {
            respond(status, "application/json", WireFormat.bytes(tree));
        }

        void respond(int status, String contentType, byte[] bytes) throws IOException {
            record(body, status);
            answered = true;
            raw.getResponseHeaders().set("Content-Type", contentType);
            raw.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = raw.getResponseBody()) {
                out.write(bytes);
            }
        }

        void record(byte[] bytes, int status) {
            String path = raw.getRequestURI().getPath();
            if (!path.startsWith(API)) {
                return; // the journal is about the API, not about people looking at the sandbox
            }
            Map<String, String> headers = new LinkedHashMap<>();
            raw.getRequestHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("X-API-Key")) {
                    headers.put("X-API-Key", sandbox.keyMatches(values.get(0)) ? "(valid key)" : "(invalid key)");
                } else {
                    headers.put(name, String.join(", ", values));
                }
            });
            String text = bytes == null ? "" : sandbox.redact(new String(bytes, StandardCharsets.UTF_8));
            sandbox.journal().add(new RecordedRequest(Instant.now(), raw.getRequestMethod(), path,
                    raw.getRequestURI().getRawQuery(), java.util.Collections.unmodifiableMap(headers), text, status));
        }
    }
}
