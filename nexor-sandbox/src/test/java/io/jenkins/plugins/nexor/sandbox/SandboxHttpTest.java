package io.jenkins.plugins.nexor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Raw HTTP against the sandbox: Nexor's exact error bodies, malformed input, limits, garbage. */
class SandboxHttpTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(nexor.sandbox().baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .timeout(java.time.Duration.ofSeconds(10));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void missingAndWrongKeysGetNexorsBodies() throws Exception {
        HttpResponse<String> missing = post("/messages", null, "{}");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo(
                "{\"error\":\"Missing API key\",\"message\":\"Please provide your API key in the X-API-Key header\"}");
        HttpResponse<String> wrong = post("/messages", "nxr_live_wrong", "{}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"Invalid API key\",\"message\":\"The provided API key is not valid\"}");
    }

    @Test
    void malformedAndInvalidBodiesAre400NamingTheFields() throws Exception {
        String key = nexor.sandbox().apiKey();
        HttpResponse<String> notJson = post("/messages", key, "{lead_id:");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not valid JSON");
        assertThat(post("/messages", key, "[1,2]").body()).contains("not a JSON object");
        HttpResponse<String> invalid = post("/messages", key, "{\"lead_id\":\"x\",\"workflow_id\":\""
                + SandboxDirectory.DEMO_WORKFLOW + "\",\"channel\":\"whatsapp\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("lead_id must be a UUID").doesNotContain("leadId")
                .contains("A WhatsApp message needs content (free text) or template_id");
        assertThat(nexor.sandbox().messages()).isEmpty();
    }

    @Test
    void oversizedBodiesAre413() throws Exception {
        HttpResponse<String> r = post("/messages", nexor.sandbox().apiKey(), "{\"content\":\"" + "x".repeat(300_000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void unknownRoutesAndMethods() throws Exception {
        assertThat(post("/nope", nexor.sandbox().apiKey(), "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(nexor.sandbox().baseUrl() + "/messages"))
                .header("X-API-Key", nexor.sandbox().apiKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void garbageOnTheSocketDoesNotBreakTheSandbox() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            try (Socket s = new Socket("127.0.0.1", nexor.sandbox().port())) {
                byte[] junk = new byte[random.nextInt(2000) + 1];
                random.nextBytes(junk);
                OutputStream out = s.getOutputStream();
                out.write(junk);
                out.flush();
                s.shutdownOutput();
                s.getInputStream().readAllBytes();
            } catch (java.io.IOException expected) {
                // the server may reset a connection that makes no sense
            }
        }
        try (Socket s = new Socket("127.0.0.1", nexor.sandbox().port())) {
            s.getOutputStream().write(("POST /api/public/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n"
                    + "X-API-Key: " + nexor.sandbox().apiKey() + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            s.getInputStream().readAllBytes();
        } catch (java.io.IOException expected) {
            // a lying Content-Length ends in a closed connection
        }
        assertThat(post("/messages", null, "{}").statusCode()).isEqualTo(401); // still answering
    }

    @Test
    void theKeyIsNeverShownInTheRequestLog() throws Exception {
        String key = nexor.sandbox().apiKey();
        post("/messages", key, "{\"lead_id\":\"" + key + "\"}");
        String log = http.send(HttpRequest.newBuilder(URI.create(nexor.sandbox().rootUrl() + "/sandbox/requests")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(log).contains("(valid key)").doesNotContain(key);
        assertThat(nexor.sandbox().requests()).allSatisfy(r -> assertThat(r.toString()).doesNotContain(key));
    }
}
