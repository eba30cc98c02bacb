package io.jenkins.plugins.nexor.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jenkins.plugins.nexor.client.InvalidRequestException;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.Problem;
import io.jenkins.plugins.nexor.client.Validation;
import io.jenkins.plugins.nexor.client.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private final NexorSandbox sandbox;

    ApiHandler(NexorSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        Exchange exchange = new Exchange(ex, sandbox);
        try {
            if (path.startsWith(API + "/") || path.equals(API)) {
                sandbox.activeCounter().incrementAndGet();
                try {
                    api(exchange, method, path.substring(API.length()));
                } finally {
                    sandbox.activeCounter().decrementAndGet();
                }
            } else if (exchange.readBody() != null) { // else answered: too large, too slow or too many at once
                page(exchange, method, path);
            }
        } catch (Exchange.DropConnection e) {
            throw e; // the server closes the connection: the client sees no answer
        } catch (RuntimeException e) {
            if (!exchange.answered()) {
                exchange.error(500, "Internal server error", "sandbox: " + e);
            }
        } finally {
            ex.close(); // without an answer sent, this closes the connection itself
        }
    }

    /** The page and the inspection endpoints (their body, if any, is read and ignored). */
    private void page(Exchange exchange, String method, String path) throws IOException {
        if (path.equals("/") && method.equals("GET")) {
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
    }

    /**
     * One API request: fault, body, latency, key, rate limit, then the route. Faults that lose or break the answer
     * (drop-after-read, malformed-json) let the request be processed first, as a real server would have.
     */
    private void api(Exchange ex, String method, String route) throws IOException {
        Fault fault;
        try {
            fault = sandbox.faultFor(ex.header("X-Sandbox-Fault"));
        } catch (IllegalArgumentException e) {
            ex.error(400, "Invalid fault", e.getMessage());
            return;
        }
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.DROP_BEFORE_READ) {
            ex.drop();
        }
        byte[] body = ex.readBody();
        if (body == null) {
            return; // answered: too large, too slow or too many bodies at once
        }
        if (kind == Fault.Kind.DROP_AFTER_READ) {
            ex.dropInsteadOfAnswer();
        } else if (kind == Fault.Kind.MALFORMED_JSON) {
            ex.breakJson();
        }
        if (kind == Fault.Kind.LATENCY) {
            sleep(fault.latencyMillis());
        }
        if (sandbox.latencyMillis() > 0) {
            sleep(sandbox.latencyMillis());
        }
        String key = ex.header("X-API-Key");
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
        if (kind == Fault.Kind.STATUS) {
            if (fault.status() == 429) {
                ex.raw.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
            }
            ex.error(fault.status(), reason(fault.status()), "Injected by the sandbox (" + fault + ")");
            return;
        }
        if (kind == Fault.Kind.HTML) {
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
            messages(ex, body, kind == Fault.Kind.SUCCESS_FALSE);
        } else if (route.equals("/templates") && method.equals("GET")) {
            String status = query(ex).get("status");
            ex.respond(200, "application/json", WireFormat.writeTemplates(sandbox.directory().templates().stream()
                    .filter(t -> status == null || status.isBlank() || t.status().equalsIgnoreCase(status))
                    .toList()));
        } else if (route.equals("/workflows") && method.equals("GET")) {
            ex.respond(200, "application/json", WireFormat.writeWorkflows(sandbox.directory().workflows()));
        } else if (route.startsWith("/leads/") && method.equals("GET")) {
            lead(ex, route.substring("/leads/".length()));
        } else {
            ex.error(404, "Not found", "No route for " + method + " " + API + route);
        }
    }

    /** {@code POST /messages}: the client's own parsing and validation, then Nexor's rules, then the send. */
    private void messages(Exchange ex, byte[] body, boolean successFalse) throws IOException {
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
                    .map(Problem::apiMessage).collect(Collectors.joining(" ")));
            return;
        }
        MessageRequest request;
        try {
            request = input.build();
        } catch (InvalidRequestException e) {
            ex.error(400, "Invalid request", e.getMessage());
            return;
        }
        MessageRules.Refusal refusal = MessageRules.check(request, sandbox.directory());
        if (refusal != null) {
            ex.error(refusal.status(), refusal.error(), refusal.message());
            return;
        }
        if (successFalse) {
            ex.json(200, SandboxJson.object().put("success", false).put("error", "Provider error")
                    .put("message", "The provider did not accept the message (injected by the sandbox)"));
            return;
        }
        SentMessage sent = sandbox.send(request);
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
}
