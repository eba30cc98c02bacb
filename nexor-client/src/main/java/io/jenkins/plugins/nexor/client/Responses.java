package io.jenkins.plugins.nexor.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.Response;

/** Turns Nexor's HTTP answers into results or the matching {@link NexorException}. Never quotes the key. */
final class Responses {
    /** Bodies are read up to this size; Nexor's answers are a few hundred bytes. */
    private static final long MAX_BODY = 1 << 20;

    private Responses() {}

    /** The JSON of a 2xx answer, or the exception its status calls for. */
    static JsonNode read(Response response, ApiKey key, boolean isSend) throws NexorException, IOException {
        int status = response.code();
        String body = key.redact(response.peekBody(MAX_BODY).string());
        JsonNode json = parse(body);
        String error = json == null ? null : Text.trimToNull(WireFormat.text(json, "error"));
        String message = json == null ? null : Text.trimToNull(WireFormat.text(json, "message"));
        if (status >= 200 && status < 300) {
            if (json == null || !(json.isObject() || (!isSend && json.isArray()))) {
                throw new UnreadableResponseException(status, response.header("Content-Type"), Text.excerpt(body));
            }
            if (isSend && !json.path("success").isBoolean()) {
                throw new UnreadableResponseException(status, response.header("Content-Type"), Text.excerpt(body));
            }
            if (isSend && !json.get("success").asBoolean()) {
                throw new NotSentException(status, error, message);
            }
            return json;
        }
        if (json == null && !body.isBlank()) {
            message = Text.excerpt(body);
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
        throw new UnreadableResponseException(status, response.header("Content-Type"), Text.excerpt(body));
    }

    static RateLimitedException rateLimited(Response response, ApiKey key, Duration retryAfter, int attempts)
            throws IOException {
        JsonNode json = parse(key.redact(response.peekBody(MAX_BODY).string()));
        return new RateLimitedException(json == null ? null : Text.trimToNull(WireFormat.text(json, "error")),
                json == null ? null : Text.trimToNull(WireFormat.text(json, "message")), retryAfter, attempts);
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
