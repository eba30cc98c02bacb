package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** The key never appears in an exception, its cause chain, a stack trace or any toString(), whatever the server says. */
class KeyLeakTest {

    @Test
    void noFailureEverPrintsTheKey() throws Exception {
        String echo = "{\"error\":\"Invalid API key\",\"message\":\"The key " + KEY + " is not valid\"}";
        List<MockResponse> answers = List.of(
                json(401, echo),
                json(403, echo),
                json(400, echo),
                json(404, "{\"error\":\"Lead not found\"}"),
                json(429, echo).newBuilder().setHeader("Retry-After", "999").build(),
                json(500, echo),
                new MockResponse.Builder().code(502).body("<html>bad gateway for X-API-Key: " + KEY + "</html>").build(),
                new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<p>" + KEY + "</p>").build(),
                json(200, "{\"success\":false,\"message\":\"" + KEY + "\"}"),
                new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
                sentWhatsapp().newBuilder().headersDelay(2, TimeUnit.SECONDS).build(),
                new MockResponse.Builder().code(302).setHeader("Location", "https://evil.example/?k=" + KEY).build());

        List<Throwable> failures = new ArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            NexorClient client = clientFor(server).readTimeout(Duration.ofMillis(300)).build();
            for (MockResponse answer : answers) {
                server.enqueue(answer);
                try {
                    client.send(whatsapp("Hola").build());
                } catch (NexorException e) {
                    failures.add(e);
                }
            }
            assertThat(client.toString()).doesNotContain(KEY).contains("ApiKey(redacted)");
        }
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NexorClient refused = NexorClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + closedPort + "/api/public")
                .maxAttempts(1).build();
        try {
            refused.send(whatsapp("Hola").build());
        } catch (NexorException e) {
            failures.add(e);
        }
        try {
            whatsapp("Hola").leadId(KEY).build();
        } catch (NexorException e) {
            failures.add(e);
        }

        assertThat(failures).hasSize(answers.size() + 2);
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).as(failure.getClass().getSimpleName()).doesNotContain(KEY);
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
                assertThat(t.toString()).doesNotContain(KEY);
            }
        }
        assertThat(failures).anySatisfy(f -> assertThat(f.getMessage()).contains("The key (redacted) is not valid"));
    }

    @Test
    void valuesHoldingTheKeyNeverPrintIt() throws Exception {
        assertThat(ApiKey.of(KEY).toString()).isEqualTo("ApiKey(redacted)");
        assertThat(whatsapp("Hola").build().toString()).doesNotContain("Hola");
    }
}
