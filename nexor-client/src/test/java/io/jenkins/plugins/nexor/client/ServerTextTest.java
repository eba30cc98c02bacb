package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a server's text does in our messages: a 404 that is not Nexor's own error means the base URL is wrong (most
 * often without {@code /api/public}); and no control character of the server's reaches a terminal or a Jenkins
 * console raw.
 */
class ServerTextTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A client whose base URL lacks {@code /api/public}, as in {@code --base-url http://127.0.0.1:8787}. */
    private NexorClient rootClient() {
        return NexorClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).build();
    }

    private static NexorException failure(ThrowingSend send) {
        try {
            send.run();
        } catch (NexorException e) {
            return e;
        }
        throw new AssertionError("it succeeded");
    }

    @FunctionalInterface
    private interface ThrowingSend {
        void run() throws NexorException;
    }

    private static void assertNoControlCharacters(String text) {
        assertThat(text.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)).toArray())
                .as("control characters in: %s", text).isEmpty();
    }

    @Test
    void aPlain404MeansTheBaseUrlIsWrong() {
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html")
                .body("<html><body><h1>Not Found</h1></body></html>").build());
        NexorClient client = rootClient();
        NexorException e = failure(() -> client.send(whatsapp("Hola").build()));

        String url = server.url("/messages").toString();
        assertThat(e).isInstanceOfSatisfying(RejectedException.class, r -> assertThat(r.status()).isEqualTo(404))
                .hasMessage("There is no Nexor API at " + url + " (HTTP 404 <html><body><h1>Not Found</h1></body>"
                        + "</html>): the base URL is likely wrong. Nexor's API is under /api/public, e.g. "
                        + "https://api.getnexor.ai/api/public. Nothing was sent.");
        assertThat(e.getMessage(Locale.forLanguageTag("es"))).isEqualTo("No hay una API de Nexor en " + url
                + " (HTTP 404 <html><body><h1>Not Found</h1></body></html>): la URL base probablemente es incorrecta. "
                + "La API de Nexor está bajo /api/public, p. ej. https://api.getnexor.ai/api/public. No se envió nada.");
        assertThat(e.mayHaveBeenSent()).isFalse();
    }

    @Test
    void frameworkNotFoundAnswersAndEmptyOnesAreNotNexorsEither() {
        server.enqueue(json(404, "{\"detail\":\"Not Found\"}")); // FastAPI
        server.enqueue(json(404, "{\"statusCode\":404,\"message\":\"Cannot POST /messages\",\"error\":\"Not Found\"}"));
        server.enqueue(new MockResponse.Builder().code(404).build());
        NexorClient client = rootClient();
        for (int i = 0; i < 3; i++) {
            assertThat(failure(() -> client.send(whatsapp("Hola").build())))
                    .isInstanceOf(RejectedException.class).hasMessageStartingWith("There is no Nexor API at ")
                    .hasMessageContaining("Nexor's API is under /api/public");
        }
    }

    @Test
    void nexorsOwnNotFoundStillNamesWhatWasNotFound() {
        for (String what : new String[] {"Lead", "Workflow", "Template"}) {
            server.enqueue(json(404, "{\"error\":\"" + what + " not found\",\"message\":\"No such " + what + "\"}"));
            NexorClient client = clientFor(server).build();
            assertThat(failure(() -> client.send(whatsapp("Hola").build())))
                    .hasMessage("Nexor rejected the message (HTTP 404 " + what + " not found: No such " + what
                            + "). Nothing was sent.");
        }
    }

    @Test
    void aWrongBaseUrlIsNamedWhenListingToo() {
        server.enqueue(new MockResponse.Builder().code(404).body("Not Found").build());
        NexorClient client = rootClient();
        assertThat(failure(client::workflows)).hasMessageStartingWith("There is no Nexor API at "
                + server.url("/workflows") + " (HTTP 404 Not Found)");
    }

    @Test
    void controlCharactersInNexorsErrorAreEscaped() {
        // a link hidden with OSC 8, a line rewritten with CR and ESC[2K
        server.enqueue(json(422, "{\"error\":\"Bad \\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007\","
                + "\"message\":\"fine\\r\\u001b[2KSent!\"}"));
        NexorException e = failure(() -> clientFor(server).build().send(whatsapp("Hola").build()));

        assertNoControlCharacters(e.getMessage());
        assertNoControlCharacters(e.getMessage(Locale.forLanguageTag("es")));
        assertThat(e.getMessage()).contains("Bad \\u001b]8;;https://evil.example\\u0007click");
        assertThat(((RejectedException) e).error()).doesNotContain("\u001b");
        assertThat(((RejectedException) e).apiMessage()).isEqualTo("fine \\u001b[2KSent!");
    }

    @Test
    void controlCharactersInBodiesThatAreNotJsonAreEscaped() {
        server.enqueue(new MockResponse.Builder().code(500).body("oops \u001b[31mred\u001b[0m\r\u009b2J").build());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<p>\u001b]0;title\u0007</p>").build());
        server.enqueue(new MockResponse.Builder().code(404).body("\u001b[2JNot here").build());
        NexorClient client = clientFor(server).build();
        for (int i = 0; i < 3; i++) {
            NexorException e = failure(() -> client.send(whatsapp("Hola").build()));
            assertNoControlCharacters(e.getMessage());
            assertThat(e.getMessage()).contains("\\u001b");
        }
    }

    @Test
    void controlCharactersInAStatusLineAreEscaped() throws Exception {
        try (RawServer raw = RawServer.start((srv, socket, c) -> {
            srv.readRequest(socket.getInputStream());
            socket.getOutputStream().write("HTTP/1.1 2\u001b[31m00 OK\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        })) {
            NexorException e = failure(() -> raw.client("http").build().send(whatsapp("Hola").build()));
            assertThat(e).isInstanceOf(TransportException.class).hasMessageContaining("\\u001b[31m");
            assertNoControlCharacters(e.getMessage());
            assertThat(e.mayHaveBeenSent()).isTrue();
        }
    }
}
