package io.jenkins.plugins.nexor.sandbox;

import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.ServerErrorException;
import io.jenkins.plugins.nexor.client.TransportException;
import io.jenkins.plugins.nexor.client.UnreadableResponseException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fault modes beyond one send: refused connections, next-N faults, faults on reads, drops seen on the socket. */
class SandboxFaultModesTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    private static NexorClient client(NexorSandbox s) {
        return NexorClient.builder().apiKey(s.apiKey()).baseUrl(s.baseUrl()).readTimeout(Duration.ofSeconds(2))
                .connectRetryDelay(Duration.ofMillis(5)).build();
    }

    private static MessageRequest call() throws Exception {
        return MessageRequest.builder().leadId(DEMO_LEAD_ANA).workflowId(DEMO_WORKFLOW).channel(Channel.CALL).build();
    }

    @Test
    void aRefusedConnectionIsRetriedAndSurelyNotSent() throws Exception {
        NexorSandbox closed = NexorSandbox.builder().start();
        NexorClient client = client(closed);
        closed.close();
        assertThatThrownBy(() -> client.send(call())).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.mayHaveBeenSent()).isFalse();
            assertThat(e.attempts()).isEqualTo(NexorClient.DEFAULT_MAX_ATTEMPTS);
        });
    }

    @Test
    void theNextTwoRequestsGet429ThenTheSendGoesThrough() throws Exception {
        nexor.sandbox().failNext(2, Fault.rateLimited(0));
        assertThat(client(nexor.sandbox()).send(call()).callStatus()).isEqualTo("registered");
        assertThat(nexor.sandbox().requests()).extracting(RecordedRequest::status).containsExactly(429, 429, 200);
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isEqualTo(1);
    }

    @Test
    void aGlobalServerErrorIsAnsweredToEveryRequestUntilReset() throws Exception {
        nexor.sandbox().fault(Fault.status(503));
        NexorClient client = client(nexor.sandbox());
        assertThatThrownBy(() -> client.send(call())).isInstanceOf(ServerErrorException.class);
        assertThatThrownBy(client::workflows).isInstanceOf(ServerErrorException.class);
        assertThat(nexor.sandbox().requests()).hasSize(2);
        nexor.sandbox().reset();
        assertThat(client.workflows()).isNotEmpty();
    }

    @Test
    void faultsThatLoseOrBreakTheAnswerApplyToReadsToo() throws Exception {
        NexorClient client = client(nexor.sandbox());
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.DROP_AFTER_READ));
        assertThatThrownBy(client::workflows).isInstanceOf(TransportException.class);
        nexor.sandbox().failNext(1, Fault.of(Fault.Kind.MALFORMED_JSON));
        assertThatThrownBy(() -> client.templates("APPROVED")).isInstanceOf(UnreadableResponseException.class);
        assertThat(client.workflows()).isNotEmpty();
    }

    @Test
    void dropsCloseTheSocketWithoutAnyHttpAnswer() throws Exception {
        for (String fault : new String[] {"drop-before-read", "drop-after-read"}) {
            String body = RawHttp.message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "call", null);
            try (Socket s = new Socket("127.0.0.1", nexor.sandbox().port())) {
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/public/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "X-API-Key: " + nexor.sandbox().apiKey() + "\r\nX-Sandbox-Fault: " + fault + "\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] answer;
                try {
                    answer = in.readAllBytes();
                } catch (java.net.SocketException reset) {
                    answer = new byte[0]; // a reset is as good as a close: no answer either way
                }
                assertThat(new String(answer, StandardCharsets.UTF_8)).as(fault).isEmpty();
            }
        }
        assertThat(nexor.sandbox().requests()).extracting(RecordedRequest::status).containsExactly(0, 0);
        assertThat(nexor.sandbox().requests().get(0).body()).isEmpty(); // before read: body never read
        assertThat(nexor.sandbox().requests().get(1).body()).contains(DEMO_LEAD_ANA);
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isEqualTo(1); // only after read was it processed
    }

    @Test
    void theFaultHeaderWinsOverNextAndGlobalFaults() throws Exception {
        nexor.sandbox().fault(Fault.status(500)).failNext(1, Fault.status(503));
        assertThat(RawHttp.get(nexor.sandbox(), "/workflows", nexor.sandbox().apiKey(), "X-Sandbox-Fault",
                "status=502").statusCode()).isEqualTo(502);
        assertThat(RawHttp.get(nexor.sandbox(), "/workflows", nexor.sandbox().apiKey()).statusCode()).isEqualTo(503);
        assertThat(RawHttp.get(nexor.sandbox(), "/workflows", nexor.sandbox().apiKey()).statusCode()).isEqualTo(500);
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        try (NexorSandbox slow = NexorSandbox.builder().latency(Duration.ofMillis(150)).start()) {
            long start = System.nanoTime();
            assertThat(client(slow).workflows()).isNotEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
        long start = System.nanoTime();
        assertThat(RawHttp.get(nexor.sandbox(), "/workflows", nexor.sandbox().apiKey(), "X-Sandbox-Fault",
                "latency=120ms").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }

    @Test
    void aRateLimitBelowOnePerSecondStillLetsTheFirstRequestThrough() throws Exception {
        try (NexorSandbox limited = NexorSandbox.builder().rateLimit(0.5).start()) {
            assertThat(RawHttp.get(limited, "/workflows", limited.apiKey()).statusCode()).isEqualTo(200);
            var second = RawHttp.get(limited, "/workflows", limited.apiKey());
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).contains("2");
        }
    }

    @Test
    void faultsAreValidated() {
        assertThatThrownBy(() -> Fault.status(42)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.parse("latency=-5")).hasMessageContaining("bad number");
        assertThatThrownBy(() -> nexor.sandbox().failNext(-1, Fault.status(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Fault.parse("STATUS=429; retry-after=3")).isEqualTo(Fault.rateLimited(3));
        assertThat(Fault.parse(Fault.rateLimited(3).toString())).isEqualTo(Fault.rateLimited(3));
    }
}
