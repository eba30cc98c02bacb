package io.jenkins.plugins.nexor.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain java.net.http requests to a sandbox, for what the real client would refuse to send or hides. */
final class RawHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawHttp() {}

    /** POST {@code baseUrl + path} with JSON; {@code key} may be null; then header name/value pairs. */
    static HttpResponse<String> post(NexorSandbox s, String path, String key, String json, String... headers)
            throws IOException, InterruptedException {
        return send(s.baseUrl() + path, key, HttpRequest.BodyPublishers.ofString(json), headers);
    }

    /** GET {@code baseUrl + path}; {@code key} may be null. */
    static HttpResponse<String> get(NexorSandbox s, String path, String key, String... headers)
            throws IOException, InterruptedException {
        return send(s.baseUrl() + path, key, null, headers);
    }

    /** GET an inspection URL such as {@code /sandbox/requests} (no key needed). */
    static String inspect(NexorSandbox s, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(s.rootUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> send(String url, String key, HttpRequest.BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (body != null) {
            b.POST(body).header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("X-API-Key", key);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A {@code POST /messages} body. */
    static String message(String lead, String workflow, String channel, String extraJson) {
        return "{\"lead_id\":\"" + lead + "\",\"workflow_id\":\"" + workflow + "\",\"channel\":\"" + channel + "\""
                + (extraJson == null ? "" : "," + extraJson) + "}";
    }
}
