package io.jenkins.plugins.nexor.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * A request the sandbox received: headers without the API key's value ({@code X-API-Key} shows only whether one
 * was given and whether it matched), the body as text, and the status answered (0 when the connection was dropped).
 */
public record RecordedRequest(Instant time, String method, String path, String query, Map<String, String> headers,
        String body, int status) {}
