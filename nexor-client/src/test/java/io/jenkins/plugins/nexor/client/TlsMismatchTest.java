package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An {@code https://} base URL for a server that speaks plain http (the sandbox, a local proxy): the TLS handshake
 * fails. That is not a timeout and not worth retrying: it fails within the connect timeout, says nothing was sent
 * and names the likely cause. (https is allowed for loopback addresses; only plain http is limited to them.)
 */
class TlsMismatchTest {
    /** Reads the ClientHello and never answers, as an HTTP server waiting for the end of a request line does. */
    private static final RawServer.Conversation SILENT = (srv, socket, c) -> socket.getInputStream().readNBytes(1 << 20);

    /** Answers the ClientHello with a plain-http 400, as most HTTP servers do. */
    private static final RawServer.Conversation BAD_REQUEST = (srv, socket, c) -> {
        socket.getInputStream().read(new byte[4096]);
        socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    };

    private static TransportException failingSend(NexorClient client) {
        try {
            client.send(whatsapp("Hola").build());
        } catch (TransportException e) {
            return e;
        } catch (NexorException e) {
            throw new AssertionError("not a transport failure", e);
        }
        throw new AssertionError("the send succeeded");
    }

    @Test
    void httpsToAServerThatNeverAnswersTheHandshakeFailsWithinTheConnectTimeoutOnce() throws Exception {
        try (RawServer server = RawServer.start(SILENT)) {
            NexorClient client = server.client("https").connectTimeout(Duration.ofMillis(500))
                    .readTimeout(Duration.ofSeconds(10)).build();
            long start = System.nanoTime();
            TransportException e = failingSend(client);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(e).hasMessage("Could not reach Nexor at " + server.hostPort() + ": the server did not answer "
                    + "the secure (TLS) handshake within 0.5 s. Is the base URL https:// for a server that speaks "
                    + "plain http? Nothing was sent.");
            assertThat(e.getMessage(Locale.forLanguageTag("es"))).isEqualTo("No se pudo contactar con Nexor en "
                    + server.hostPort() + ": el servidor no respondió a la negociación segura (TLS) en 0,5 s. ¿Es la "
                    + "URL base https:// para un servidor que habla http sin cifrar? No se envió nada.");
            assertThat(e.mayHaveBeenSent()).isFalse();
            assertThat(e.retryable()).isFalse();
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(server.connections).hasValue(1); // not retried
        }
    }

    @Test
    void aReadTimeoutShorterThanTheConnectTimeoutEndsTheHandshakeFirstAndIsNamed() throws Exception {
        try (RawServer server = RawServer.start(SILENT)) {
            NexorClient client = server.client("https").connectTimeout(Duration.ofSeconds(5))
                    .readTimeout(Duration.ofMillis(300)).build();
            TransportException e = failingSend(client);

            assertThat(e).hasMessageContaining("did not answer the secure (TLS) handshake within 0.3 s")
                    .hasMessageEndingWith("Nothing was sent.");
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(server.connections).hasValue(1);
        }
    }

    @Test
    void httpsToAServerThatAnswersInPlainHttpFailsAtOnceWithTheLikelyCause() throws Exception {
        try (RawServer server = RawServer.start(BAD_REQUEST)) {
            NexorClient client = server.client("https").build();
            TransportException e = failingSend(client);

            assertThat(e).hasMessageStartingWith("Could not reach Nexor at " + server.hostPort() + ": the server did "
                    + "not answer the secure (TLS) handshake in TLS (SSLException: ")
                    .hasMessageEndingWith("). Is the base URL https:// for a server that speaks plain http? Nothing "
                            + "was sent.");
            assertThat(e.getMessage(Locale.forLanguageTag("es"))).startsWith("No se pudo contactar con Nexor en "
                    + server.hostPort() + ": el servidor no respondió en TLS a la negociación segura (SSLException: ")
                    .endsWith("). ¿Es la URL base https:// para un servidor que habla http sin cifrar? No se envió nada.");
            assertThat(e.mayHaveBeenSent()).isFalse();
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(server.connections).hasValue(1);
        }
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedIsATlsFailureWithoutThePlainHttpHint() throws Exception {
        try (RawServer server = RawServer.startTls(TestTls.server(), RawServer.closingIdleAfter(5_000))) {
            NexorClient client = server.client("https").build(); // the JDK's trust store: the test CA is not in it
            TransportException e = failingSend(client);

            assertThat(e).hasMessageStartingWith("Could not reach Nexor at " + server.hostPort() + ": the secure (TLS) "
                    + "connection failed (SSLHandshakeException: ").hasMessageContaining("Check the server's certificate")
                    .hasMessageEndingWith("Nothing was sent.").hasMessageNotContaining("plain http");
            assertThat(e.retryable()).isFalse();
            assertThat(server.requests).isEmpty();
        }
    }

    @Test
    void aBulkRunDoesNotRetryATlsFailure() throws Exception {
        try (RawServer server = RawServer.start(BAD_REQUEST)) {
            NexorClient client = server.client("https").build();
            BulkResult result = BulkSender.builder(client).build()
                    .prepare(MessageRequest.builder().workflowId(WORKFLOW).channel(Channel.WHATSAPP).content("Hola"),
                            List.of(Recipient.of(LEAD)))
                    .execute(null);
            BulkEntry entry = result.entries().get(0);
            assertThat(entry.outcome()).isEqualTo(BulkEntry.Outcome.FAILED);
            assertThat(entry.mayHaveBeenSent()).isFalse();
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.error()).contains("Is the base URL https:// for a server that speaks plain http?");
            assertThat(server.connections).hasValue(1);
        }
    }
}
