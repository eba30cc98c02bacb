package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bulk run waits out a {@code Retry-After} only up to the client's cap, as a single send does; a longer one stops
 * the run (like a refused key). And each failed lead's message counts the same attempts as its entry.
 */
class BulkRateLimitTest {
    private final MockWebServer server = new MockWebServer();
    private final LeadCountingDispatcher nexor = new LeadCountingDispatcher();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(nexor);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<Recipient> leads(int n) {
        return Fixtures.leads(0x429, n);
    }

    private static MessageRequest.Builder shared() {
        return MessageRequest.builder().workflowId(WORKFLOW).channel(Channel.WHATSAPP).content("Hola");
    }

    @Test
    void aRetryAfterLongerThanTheCapStopsTheRunAtOnceAndSaysWhenToResume() {
        nexor.answer = lead -> json(429, "{\"error\":\"Too many requests\"}").newBuilder()
                .setHeader("Retry-After", "3600").build();
        NexorClient client = clientFor(server).build(); // the default cap: 30 s
        List<BulkEntry> entries = new ArrayList<>();

        BulkTotals totals = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> BulkSender.builder(client)
                .concurrency(1).build().prepare(shared(), leads(4)).stream((e, done, total) -> entries.add(e)));

        assertThat(server.getRequestCount()).isEqualTo(1);
        BulkEntry first = entries.get(0);
        assertThat(first.outcome()).isEqualTo(BulkEntry.Outcome.FAILED);
        assertThat(first.mayHaveBeenSent()).isFalse();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.error()).isEqualTo("Nexor asked to wait 1 h before more requests (HTTP 429 Too many "
                + "requests), more than the 30 s a run waits: the run stopped; resume it later. Nothing was sent.");
        assertThat(entries.subList(1, 4)).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(BulkEntry.Outcome.NOT_ATTEMPTED);
            assertThat(e.error()).isEqualTo("not attempted: Nexor asked to wait 1 h before more requests, more than "
                    + "the 30 s a run waits: resume the run later");
        });
        assertThat(totals.stoppedOnRateLimit()).isTrue();
        assertThat(totals.resumeAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(totals.cancelled()).isFalse(); // not an abort: the plugin must not report the build as aborted
        assertThat(totals.surelyNotSent()).isEqualTo(4);
        assertThat(totals.toString()).contains("stopped: rate limited, resume after 1 h");
    }

    @Test
    void withManyWorkersNoNewSendStartsOnceTheRunStopped() {
        nexor.answer = lead -> json(429, "{}").newBuilder().setHeader("Retry-After", "120").build();
        NexorClient client = clientFor(server).build();

        BulkResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> BulkSender.builder(client)
                .concurrency(4).build().prepare(shared(), leads(40)).execute(null));

        assertThat(server.getRequestCount()).isLessThanOrEqualTo(4); // at most the ones already under way
        assertThat(result.count(BulkEntry.Outcome.NOT_ATTEMPTED)).isGreaterThanOrEqualTo(36);
        assertThat(result.entries()).allSatisfy(e -> assertThat(e.mayHaveBeenSent()).isFalse());
        assertThat(result.entries().get(39).error()).contains("Nexor asked to wait 2 min");
    }

    @Test
    void aRetryAfterWithinTheCapIsWaitedForAndTheLeadSent() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        nexor.answer = lead -> calls.getAndIncrement() == 0
                ? json(429, "{}").newBuilder().setHeader("Retry-After", "1").build() : sentWhatsapp();
        NexorClient client = clientFor(server).maxRetryAfter(Duration.ofSeconds(2)).build();

        BulkResult result = BulkSender.builder(client).concurrency(1).build().prepare(shared(), leads(2)).execute(null);

        assertThat(result.allSent()).isTrue();
        assertThat(result.entries().get(0).attempts()).isEqualTo(2);
    }

    @Test
    void aLeadRateLimitedUntilItsLastAttemptSaysAsManyAttemptsAsItsEntry() {
        nexor.answer = lead -> json(429, "{\"error\":\"Too many requests\"}").newBuilder()
                .setHeader("Retry-After", "0").build();
        NexorClient client = clientFor(server).build();

        BulkResult result = BulkSender.builder(client).concurrency(1).maxAttemptsPerLead(4).build()
                .prepare(shared(), leads(1)).execute(null);

        BulkEntry entry = result.entries().get(0);
        assertThat(entry.attempts()).isEqualTo(4);
        assertThat(entry.error()).contains("gave up after 4 attempts");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void anUnreachableLeadSaysAsManyAttemptsAsItsEntry() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        NexorClient client = NexorClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + closedPort + "/api/public")
                .build();

        BulkResult result = BulkSender.builder(client).maxAttemptsPerLead(3).build().prepare(shared(), leads(1))
                .execute(null);

        BulkEntry entry = result.entries().get(0);
        assertThat(entry.attempts()).isEqualTo(3);
        assertThat(entry.error()).startsWith("Could not reach Nexor at 127.0.0.1:" + closedPort)
                .contains("after 3 attempts");
        assertThat(entry.mayHaveBeenSent()).isFalse();
    }

    @Test
    void waitsReadAsPeopleSayThem() {
        assertThat(BulkStop.human(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(BulkStop.human(Duration.ofSeconds(120))).isEqualTo("2 min");
        assertThat(BulkStop.human(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(BulkStop.human(Duration.ofSeconds(5400))).isEqualTo("1 h 30 min");
    }
}
