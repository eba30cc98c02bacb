package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The read timeout bounds the whole answer, from the moment the request is written: a server that drips a valid
 * answer one byte at a time (each byte well within the per-read timeout) must not hold a send for minutes.
 */
class AnswerDeadlineTest {
    /** Writes {@code bytes} one at a time, {@code everyMillis} apart (the whole drip would take many seconds). */
    private static void drip(OutputStream out, byte[] bytes, long everyMillis)
            throws java.io.IOException, InterruptedException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(everyMillis);
        }
    }

    private static NexorException failingSend(NexorClient client) {
        try {
            client.send(whatsapp("Hola").build());
        } catch (NexorException e) {
            return e;
        }
        throw new AssertionError("the send succeeded");
    }

    @Test
    void anAnswerDrippedByteByByteEndsTheSendWithinTheTimeout() throws Exception {
        try (RawServer server = RawServer.start((srv, socket, c) -> {
            srv.readRequest(socket.getInputStream());
            drip(socket.getOutputStream(), RawServer.sentAnswer(), 200); // 46 s in all
        })) {
            NexorClient client = server.client("http").readTimeout(Duration.ofSeconds(1)).build();
            long start = System.nanoTime();
            NexorException e = failingSend(client);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
            assertThat(e).isExactlyInstanceOf(TransportException.class)
                    .hasMessage("The connection to Nexor at " + server.hostPort() + " failed after the request was sent (no answer from Nexor "
                            + "within the read timeout of 1 s). The message may have been sent: check the lead's "
                            + "history in Nexor before sending it again.");
            assertThat(e.mayHaveBeenSent()).isTrue();
            assertThat(server.requests).hasSize(1); // never resent
        }
    }

    @Test
    void aBodyDrippedAfterPromptHeadersIsBoundedTooAndSaysTheAnswerWasIncomplete() throws Exception {
        byte[] body = RawServer.SENT.getBytes(StandardCharsets.UTF_8);
        try (RawServer server = RawServer.start((srv, socket, c) -> {
            srv.readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            drip(out, body, 100);
        })) {
            NexorClient client = server.client("http").readTimeout(Duration.ofMillis(500)).build();
            long start = System.nanoTime();
            NexorException e = failingSend(client);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
            assertThat(e).isExactlyInstanceOf(TransportException.class)
                    .hasMessageContaining("(Nexor's answer did not arrive in full within the read timeout of 0.5 s)")
                    .hasMessageEndingWith("The message may have been sent: check the lead's history in Nexor before "
                            + "sending it again.");
            assertThat(e.getMessage(Locale.forLanguageTag("es"))).contains("(la respuesta de Nexor no llegó completa "
                    + "dentro del tiempo de lectura de 0,5 s)").endsWith("Puede que el mensaje se haya enviado: revisa "
                    + "el historial del lead en Nexor antes de volver a enviarlo.");
            assertThat(e.mayHaveBeenSent()).isTrue();
            assertThat(server.requests).hasSize(1);
        }
    }

    @Test
    void readsAreBoundedTheSameWay() throws Exception {
        try (RawServer server = RawServer.start((srv, socket, c) -> {
            srv.readRequest(socket.getInputStream());
            byte[] list = "[]".getBytes(StandardCharsets.UTF_8);
            drip(socket.getOutputStream(), ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + list.length + "\r\n\r\n[]").getBytes(StandardCharsets.US_ASCII), 100);
        })) {
            NexorClient client = server.client("http").readTimeout(Duration.ofMillis(500)).build();
            long start = System.nanoTime();
            try {
                client.workflows();
                throw new AssertionError("the read succeeded");
            } catch (TransportException e) {
                assertThat(e).hasMessageContaining("within the read timeout of 0.5 s");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
        }
    }

    @Test
    void anAnswerThatArrivesInTimeIsUnaffected() throws Exception {
        try (RawServer server = RawServer.start((srv, socket, c) -> {
            srv.readRequest(socket.getInputStream());
            Thread.sleep(300);
            socket.getOutputStream().write(RawServer.sentAnswer());
        })) {
            NexorClient client = server.client("http").readTimeout(Duration.ofSeconds(1)).build();
            assertThat(client.send(whatsapp("Hola").build()).messageId()).isEqualTo("m-1");
        }
    }
}
