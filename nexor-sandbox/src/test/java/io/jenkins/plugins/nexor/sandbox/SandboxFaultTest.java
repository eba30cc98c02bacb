package io.jenkins.plugins.nexor.sandbox;

import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.NotSentException;
import io.jenkins.plugins.nexor.client.RateLimitedException;
import io.jenkins.plugins.nexor.client.ServerErrorException;
import io.jenkins.plugins.nexor.client.TransportException;
import io.jenkins.plugins.nexor.client.UnreadableResponseException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each injected fault as the real client sees it: the exception, whether the message may have been sent, and what
 * the sandbox really did (received, sent) – so that "may have been sent" is checked against the truth.
 */
class SandboxFaultTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    private NexorClient client;
    private MessageRequest message;

    @BeforeEach
    void setUp() throws Exception {
        client = NexorClient.builder().apiKey(nexor.sandbox().apiKey()).baseUrl(nexor.sandbox().baseUrl())
                .readTimeout(Duration.ofMillis(500)).connectRetryDelay(Duration.ofMillis(10)).build();
        message = MessageRequest.builder().leadId(DEMO_LEAD_ANA).workflowId(DEMO_WORKFLOW).channel(Channel.CALL).build();
    }

    private int received() {
        return nexor.sandbox().requests().size();
    }

    @Test
    void dropBeforeReadIsAmbiguousForTheClientButNothingWasSent() {
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.DROP_BEFORE_READ));
        assertThatThrownBy(() -> client.send(message)).isExactlyInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).mayHaveBeenSent()).isTrue());
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isZero();
        assertThat(received()).isEqualTo(1); // and never a second try
    }

    @Test
    void dropAfterReadSentTheMessageAndTheClientSaysItMayHaveBeen() {
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.DROP_AFTER_READ));
        assertThatThrownBy(() -> client.send(message)).isExactlyInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).mayHaveBeenSent()).isTrue());
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isEqualTo(1);
        assertThat(received()).isEqualTo(1);
    }

    @Test
    void oneRateLimitIsRetriedOnce() throws Exception {
        nexor.sandbox().failNext(1, Fault.rateLimited(0));
        assertThat(client.send(message).callStatus()).isEqualTo("registered");
        assertThat(received()).isEqualTo(2);
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isEqualTo(1);
    }

    @Test
    void rateLimitedForeverGivesUp() {
        nexor.sandbox().fault(Fault.rateLimited(0));
        assertThatThrownBy(() -> client.send(message)).isInstanceOf(RateLimitedException.class);
        assertThat(received()).isEqualTo(NexorClient.DEFAULT_MAX_ATTEMPTS);
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isZero();
    }

    @Test
    void serverErrorsAreNotRetried() {
        for (int status : new int[] {500, 503}) {
            nexor.sandbox().reset();
            nexor.sandbox().failNext(1, Fault.status(status));
            assertThatThrownBy(() -> client.send(message)).isInstanceOf(ServerErrorException.class);
            assertThat(received()).isEqualTo(1);
        }
    }

    @Test
    void anHtmlProxyPageIsUnreadable() {
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.HTML));
        assertThatThrownBy(() -> client.send(message)).isInstanceOf(UnreadableResponseException.class)
                .hasMessageContaining("text/html").hasMessageContaining("Bad Gateway");
    }

    @Test
    void malformedJsonAfterSendingIsUnreadableAndTheMessageWasSent() {
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.MALFORMED_JSON));
        assertThatThrownBy(() -> client.send(message)).isInstanceOfSatisfying(UnreadableResponseException.class,
                e -> assertThat(e.mayHaveBeenSent()).isTrue());
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isEqualTo(1);
    }

    @Test
    void successFalseIsNotSent() {
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.SUCCESS_FALSE));
        assertThatThrownBy(() -> client.send(message)).isInstanceOf(NotSentException.class)
                .hasMessageContaining("Provider error");
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isZero();
    }

    @Test
    void latencyBeyondTheReadTimeoutIsATimeoutThatMayHaveSent() throws Exception {
        nexor.sandbox().failNext(1, Fault.latency(900));
        assertThatThrownBy(() -> client.send(message)).isExactlyInstanceOf(TransportException.class)
                .hasMessageContaining("read timeout")
                .satisfies(e -> assertThat(((TransportException) e).mayHaveBeenSent()).isTrue());
        assertThat(received()).isEqualTo(0); // still sleeping: recorded when it answers
        assertThat(nexor.sandbox().activeRequests()).isEqualTo(1);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (nexor.sandbox().activeRequests() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10); // let it finish here rather than land in the next test
        }
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isEqualTo(1); // it did go out, after the client gave up
    }

    @Test
    void theFaultHeaderAppliesToOneRequest() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(nexor.sandbox().baseUrl() + "/workflows"))
                .header("X-API-Key", nexor.sandbox().apiKey()).header("X-Sandbox-Fault", "status=429;retry-after=7")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).contains("7");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(nexor.sandbox().baseUrl() + "/workflows"))
                .header("X-API-Key", nexor.sandbox().apiKey()).header("X-Sandbox-Fault", "explode").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown fault");
        assertThat(client.workflows()).isNotEmpty();
    }

    @Test
    void theRateLimitOptionAnswers429WithRetryAfter() throws Exception {
        try (NexorSandbox limited = NexorSandbox.builder().rateLimit(2).start()) {
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(limited.rootUrl() + "/")).build(), // warm up, not limited
                    HttpResponse.BodyHandlers.discarding());
            int ok = 0;
            long start = System.nanoTime();
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(limited.baseUrl() + "/workflows"))
                        .header("X-API-Key", limited.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 429) {
                    assertThat(r.headers().firstValue("Retry-After")).contains("1");
                    assertThat(r.body()).contains("Too many requests");
                } else {
                    assertThat(r.statusCode()).isEqualTo(200);
                    ok++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // a burst of 2, then 2 more per second elapsed (a slow, busy machine refills more)
            assertThat(ok).isBetween(2, 2 + (int) Math.floor(seconds * 2) + 1);
            assertThat(limited.requests()).hasSize(12);
        }
    }
}
