package io.jenkins.plugins.nexor.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.Response;

/**
 * Turns Nexor's HTTP answers into results or the matching {@link NexorException}. Never quotes the key, and server
 * text that reaches a message has its control characters escaped ({@link Text#oneLine}): an answer cannot move a
 * terminal's cursor, rewrite a Jenkins console line or hide a link in it.
 */
final class Responses {
    /** Bodies are read up to this size; Nexor's answers are a few hundred bytes. */
    private static final long MAX_BODY = 1 << 20;

    private Responses() {}

    /** The JSON of a 2xx answer, or the exception its status calls for. */
    static JsonNode read(Response response, ApiKey key, boolean isSend) throws NexorException, IOException {
        int status = response.code();
        String body = key.redact(response.peekBody(MAX_BODY).string());
        JsonNode json = parse(body);
        String error = json == null ? null : clean(WireFormat.text(json, "error"));
        String message = json == null ? null : clean(WireFormat.text(json, "message"));
        if (status >= 200 && status < 300) {
            if (json == null || !(json.isObject() || (!isSend && json.isArray()))) {
                throw unreadable(response, body);
            }
            if (isSend && !json.path("success").isBoolean()) {
                throw unreadable(response, body);
            }
            if (isSend && !json.get("success").asBoolean()) {
                throw new NotSentException(status, error, message);
            }
            return json;
        }
        if (status == 404 && !isNexorError(error, message)) {
            throw RejectedException.notFound(status, place(response, key), excerpt(body));
        }
        if (json == null && !body.isBlank()) {
            message = excerpt(body);
        }
        if (status == 401 || status == 403) {
            throw new AuthenticationException(status, error, message);
        }
        if (status >= 300 && status < 400) {
            throw new RejectedException(status, "redirect",
                    "redirects are not followed, so that the API key never leaves the configured host; check the base URL");
        }
        if (status >= 400 && status < 500) {
            throw new RejectedException(status, error, message);
        }
        if (status >= 500 && status < 600) {
            throw new ServerErrorException(status, error, message);
        }
        throw unreadable(response, body);
    }

    /**
     * Whether a 404 carries Nexor's own error ({@code {"error": "Lead not found", "message": …}}) rather than a web
     * server's or framework's "Not Found" page: then the lead, workflow or template is unknown, not the URL.
     */
    private static boolean isNexorError(String error, String message) {
        String text = error != null ? error : message;
        return text != null && !text.toLowerCase(java.util.Locale.ROOT).replace("404", "").strip().equals("not found");
    }

    /** Where the request went, without query: {@code http://127.0.0.1:8787/messages}. */
    private static String place(Response response, ApiKey key) {
        return clean(key.redact(response.request().url().newBuilder().query(null).fragment(null).build().toString()));
    }

    private static UnreadableResponseException unreadable(Response response, String body) {
        return new UnreadableResponseException(response.code(), clean(response.header("Content-Type")), excerpt(body));
    }

    /** Server text for a message: trimmed, null when blank, control characters escaped. */
    private static String clean(String s) {
        return Text.oneLine(Text.trimToNull(s));
    }

    private static String excerpt(String body) {
        return Text.oneLine(Text.excerpt(body));
    }

    static RateLimitedException rateLimited(Response response, ApiKey key, Duration retryAfter, int attempts)
            throws IOException {
        JsonNode json = parse(key.redact(response.peekBody(MAX_BODY).string()));
        return new RateLimitedException(json == null ? null : clean(WireFormat.text(json, "error")),
                json == null ? null : clean(WireFormat.text(json, "message")), retryAfter, attempts);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return WireFormat.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
