package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each way a send can fail: the exception type, a clear message, whether the message may have been sent, and how
 * many requests the server saw (never a duplicate after the outcome became unknown).
 */
class FaultTest {
    private final MockWebServer server = new MockWebServer();
    private NexorClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = clientFor(server).readTimeout(Duration.ofMillis(500)).maxRetryAfter(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private NexorException sendExpectingFailure() {
        try {
            client.send(whatsapp("Hola").build());
        } catch (NexorException e) {
            return e;
        }
        throw new AssertionError("the send succeeded");
    }

    @Test
    void connectionRefusedIsRetriedAndSaysNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        NexorClient refused = NexorClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + closedPort + "/api/public")
                .connectRetryDelay(Duration.ofMillis(5)).build();

        assertThatThrownBy(() -> refused.send(whatsapp("Hola").build()))
                .isExactlyInstanceOf(TransportException.class)
                .hasMessageStartingWith("Could not reach Nexor at 127.0.0.1:" + closedPort)
                .hasMessageContaining("after 3 attempts").hasMessageEndingWith("Nothing was sent.")
                .satisfies(e -> assertThat(((TransportException) e).mayHaveBeenSent()).isFalse())
                .satisfies(e -> assertThat(((TransportException) e).attempts()).isEqualTo(3));
    }

    @Test
    void resetAfterTheRequestWasSentIsNotRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(sentWhatsapp()); // a resend would succeed: it must not happen

        NexorException e = sendExpectingFailure();
        assertThat(e).isExactlyInstanceOf(TransportException.class)
                .hasMessageContaining("failed after the request was sent")
                .hasMessageEndingWith("The message may have been sent: check the lead's history in Nexor before sending it again.");
        assertThat(e.mayHaveBeenSent()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readTimeoutIsNotRetried() {
        server.enqueue(sentWhatsapp().newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(sentWhatsapp());

        NexorException e = sendExpectingFailure();
        assertThat(e).isExactlyInstanceOf(TransportException.class)
                .hasMessageContaining("no answer from Nexor within the read timeout");
        assertThat(e.mayHaveBeenSent()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void missingKeyAnswerIsAnAuthenticationError() {
        server.enqueue(json(401, "{\"error\":\"Missing API key\",\"message\":\"Please provide your API key in the X-API-Key header\"}"));
        NexorException e = sendExpectingFailure();
        assertThat(e).isInstanceOfSatisfying(AuthenticationException.class, a -> {
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.error()).isEqualTo("Missing API key");
            assertThat(a.apiMessage()).isEqualTo("Please provide your API key in the X-API-Key header");
        }).hasMessageStartingWith("Nexor refused the API key (HTTP 401 Missing API key: Please provide your API key "
                + "in the X-API-Key header). Check the credential").hasMessageEndingWith("Nothing was sent.");
        assertThat(e.mayHaveBeenSent()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void wrongKeyAnswerIsAnAuthenticationError() {
        server.enqueue(json(401, "{\"error\":\"Invalid API key\",\"message\":\"The provided API key is not valid\"}"));
        assertThat(sendExpectingFailure()).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("HTTP 401 Invalid API key: The provided API key is not valid");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void otherClientErrorsAreRejectionsWithNexorsText() {
        server.enqueue(json(404, "{\"error\":\"Lead not found\",\"message\":\"No lead with id 3c90c3cc\"}"));
        assertThat(sendExpectingFailure()).isInstanceOfSatisfying(RejectedException.class,
                r -> assertThat(r.status()).isEqualTo(404))
                .hasMessage("Nexor rejected the message (HTTP 404 Lead not found: No lead with id 3c90c3cc). Nothing was sent.");

        server.enqueue(json(422, "{\"error\":\"Outside 24h window\",\"message\":\"Use a template\"}"));
        assertThat(sendExpectingFailure()).isInstanceOf(RejectedException.class)
                .hasMessageContaining("HTTP 422 Outside 24h window: Use a template");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void failuresSpeakSpanishWhenAskedAndEnglishByDefault() {
        java.util.Locale es = java.util.Locale.forLanguageTag("es-ES");
        server.enqueue(json(401, "{\"error\":\"Invalid API key\"}"));
        NexorException refused = sendExpectingFailure();
        assertThat(refused.getMessage(es)).isEqualTo("Nexor rechazó la API key (HTTP 401 Invalid API key). Revisa la "
                + "credencial: debe contener la clave del panel de Nexor (perfil → Integraciones). No se envió nada.");
        assertThat(refused.getMessage(java.util.Locale.GERMAN)).isEqualTo(refused.getMessage()).startsWith("Nexor refused");

        server.enqueue(json(500, "{\"error\":\"Internal server error\"}"));
        assertThat(sendExpectingFailure().getMessage(es)).isEqualTo("Nexor falló al procesar el mensaje (HTTP 500 "
                + "Internal server error). Puede que el mensaje se haya enviado: revisa el historial del lead en Nexor "
                + "antes de volver a enviarlo.");

        server.enqueue(json(429, "{}").newBuilder().setHeader("Retry-After", "120").build());
        assertThat(sendExpectingFailure().getMessage(es)).isEqualTo("Nexor está limitando el ritmo de peticiones "
                + "(HTTP 429, reintentar tras 120 s); se abandonó tras 1 intento. No se envió nada. Envía menos mensajes "
                + "a la vez o inténtalo más tarde.");
    }

    @Test
    void oneRateLimitThenSuccessIsRetriedOnce() throws Exception {
        server.enqueue(json(429, "{\"error\":\"Too many requests\"}").newBuilder().setHeader("Retry-After", "1").build());
        server.enqueue(sentWhatsapp());

        long start = System.nanoTime();
        MessageResult r = client.send(whatsapp("Hola").build());
        assertThat(r.providerMessageId()).isEqualTo("wamid.HBgL");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void rateLimitedForeverGivesUpAfterTheConfiguredAttempts() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(429, "{\"error\":\"Too many requests\",\"message\":\"Slow down\"}").newBuilder()
                    .setHeader("Retry-After", "0").build());
        }
        NexorException e = sendExpectingFailure();
        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class, r -> {
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(r.retryAfter()).contains(Duration.ZERO);
        }).hasMessageContaining("gave up after 3 attempts").hasMessageContaining("Nothing was sent.");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRetryAfterLongerThanTheCapEndsTheSendAtOnce() {
        server.enqueue(json(429, "{}").newBuilder().setHeader("Retry-After", "120").build());
        NexorException e = sendExpectingFailure();
        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(120)))
                .hasMessageContaining("retry after 120 s").hasMessageContaining("after 1 attempt.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreNeverRetried() {
        server.enqueue(json(500, "{\"error\":\"Internal server error\"}"));
        server.enqueue(sentWhatsapp()); // a resend would succeed: it must not happen
        NexorException e = sendExpectingFailure();
        assertThat(e).isInstanceOfSatisfying(ServerErrorException.class, s -> assertThat(s.status()).isEqualTo(500))
                .hasMessageContaining("HTTP 500 Internal server error").hasMessageContaining("may have been sent");
        assertThat(e.mayHaveBeenSent()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serviceUnavailableIsNotRetriedEither() {
        server.enqueue(new MockResponse.Builder().code(503).body("upstream down").build());
        server.enqueue(sentWhatsapp());
        assertThat(sendExpectingFailure()).isInstanceOf(ServerErrorException.class)
                .hasMessageContaining("HTTP 503 upstream down");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anHtmlPageInsteadOfJsonIsUnreadableWithAShortExcerpt() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html><head><title>Maintenance</title></head><body>" + "x".repeat(500) + "</body></html>").build());
        NexorException e = sendExpectingFailure();
        assertThat(e).isInstanceOfSatisfying(UnreadableResponseException.class,
                u -> assertThat(u.excerpt()).startsWith("<html><head><title>Maintenance</title>").hasSizeLessThan(70))
                .hasMessageContaining("HTTP 200, text/html");
        assertThat(e.mayHaveBeenSent()).isTrue();
    }

    @Test
    void successFalseIsAFailure() {
        server.enqueue(json(200, "{\"success\":false,\"error\":\"Lead has no phone\",\"message\":\"Add a phone first\"}"));
        NexorException e = sendExpectingFailure();
        assertThat(e).isInstanceOf(NotSentException.class)
                .hasMessage("Nexor did not send the message (HTTP 200 Lead has no phone: Add a phone first, success: false). "
                        + "Nothing was sent.");
        assertThat(e.mayHaveBeenSent()).isFalse();
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            server.enqueue(new MockResponse.Builder().code(307)
                    .setHeader("Location", elsewhere.url("/steal").toString()).build());
            assertThat(sendExpectingFailure()).isInstanceOf(RejectedException.class)
                    .hasMessageContaining("HTTP 307 redirect: redirects are not followed");
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }

    @Test
    void cancellingFromAnotherThreadEndsAWaitingSend() throws Exception {
        server.enqueue(sentWhatsapp().newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
        NexorClient patient = clientFor(server).readTimeout(Duration.ofSeconds(30)).build();
        PendingSend send = patient.newSend(whatsapp("Hola").build());
        Thread canceller = new Thread(() -> {
            try {
                server.takeRequest(); // the request has arrived: now the outcome is unknown
                send.cancel();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        long start = System.nanoTime();
        assertThatThrownBy(send::execute).isInstanceOfSatisfying(SendCancelledException.class,
                c -> assertThat(c.mayHaveBeenSent()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        canceller.join();
    }

    @Test
    void aSendCancelledBeforeItStartsSendsNothing() throws Exception {
        PendingSend send = client.newSend(whatsapp("Hola").build());
        send.cancel();
        assertThatThrownBy(send::execute).isInstanceOfSatisfying(SendCancelledException.class,
                c -> assertThat(c.mayHaveBeenSent()).isFalse());
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anInterruptedThreadSendsNothing() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> client.send(whatsapp("Hola").build()))
                    .isInstanceOfSatisfying(SendCancelledException.class, c -> assertThat(c.mayHaveBeenSent()).isFalse());
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sequentialSendsReuseOneConnection() throws Exception {
        for (int i = 0; i < 100; i++) {
            server.enqueue(sentWhatsapp());
        }
        for (int i = 0; i < 100; i++) {
            client.send(whatsapp("Hola " + i).build());
        }
        for (int i = 0; i < 100; i++) {
            assertThat(server.takeRequest().getConnectionIndex()).isZero();
        }
    }
}
