package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk sending against a server that counts requests per lead: exactly once, in order, stopping when it must. */
class BulkSendTest {
    private final MockWebServer server = new MockWebServer();
    private final LeadCountingDispatcher nexor = new LeadCountingDispatcher();
    private NexorClient client;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(nexor);
        server.start();
        client = clientFor(server).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<Recipient> leads(int n) {
        return Fixtures.leads(0x1111, n);
    }

    private static MessageRequest.Builder shared() {
        return MessageRequest.builder().workflowId(WORKFLOW).channel(Channel.WHATSAPP).content("Tu pedido salió hoy");
    }

    private BulkResult run(BulkSender sender, List<Recipient> recipients) throws InterruptedException {
        return sender.prepare(shared(), recipients).execute(null);
    }

    @Test
    void invalidAndRepeatedRowsAreReportedAndNeverSentWhileTheOthersAre() throws Exception {
        List<Recipient> input = new ArrayList<>(leads(3));
        input.add(1, Recipient.of("not-a-uuid"));
        input.add(new Recipient(input.get(0).leadId(), "again", null, null, null, null));
        input.add(new Recipient(new UUID(9, 9).toString(), null, null, null, "[1]", null)); // components without template

        BulkSend send = BulkSender.builder(client).build().prepare(shared(), input);
        assertThat(send.invalid()).extracting(BulkEntry::index).containsExactly(1, 4, 5);
        assertThat(send.invalid().get(0).error()).contains("leadId must be a UUID");
        assertThat(send.invalid().get(1).error()).contains("already in the list (entry 1)");
        assertThat(send.invalid().get(2).error()).contains("components");
        BulkResult result = send.execute(null);

        assertThat(result.entries()).extracting(BulkEntry::outcome).containsExactly(BulkEntry.Outcome.SENT,
                BulkEntry.Outcome.SKIPPED, BulkEntry.Outcome.SENT, BulkEntry.Outcome.SENT, BulkEntry.Outcome.SKIPPED,
                BulkEntry.Outcome.SKIPPED);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(nexor.requestsPerLead).doesNotContainKey("not-a-uuid");
    }

    @Test
    void perLeadOverridesReplaceTheSharedFields() throws Exception {
        String lead = new UUID(7, 7).toString();
        nexor.answer = l -> sentWhatsapp();
        BulkSender.builder(client).build().prepare(MessageRequest.builder().workflowId(WORKFLOW)
                .channel(Channel.WHATSAPP).templateId(TEMPLATE).components("[{\"type\":\"body\"}]"),
                List.of(new Recipient(lead, null, null, null,
                        List.of(Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", "Ana")))),
                        null))).execute(null);
        String body = server.takeRequest().getBody().utf8();
        assertThat(body).contains("\"text\":\"Ana\"").contains("\"lead_id\":\"" + lead + "\"");
    }

    @Test
    void aRateLimitStormSlowsEveryoneDownAndEachLeadIsSentExactlyOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        nexor.answer = lead -> calls.incrementAndGet() % 3 == 0
                ? json(429, "{\"error\":\"Too many requests\"}").newBuilder().setHeader("Retry-After", "0").build()
                : sentWhatsapp();

        BulkResult result = run(BulkSender.builder(client).concurrency(8).maxAttemptsPerLead(10).build(), leads(60));

        assertThat(result.sent()).isEqualTo(60);
        int rateLimited = calls.get() - 60;
        assertThat(rateLimited).isPositive();
        // each lead got exactly one 200; retries only followed 429s
        assertThat(result.entries()).allSatisfy(e -> assertThat(e.attempts()).isGreaterThanOrEqualTo(1));
        assertThat(result.entries().stream().mapToInt(BulkEntry::attempts).sum()).isEqualTo(calls.get());
    }

    @Test
    void oneLeadsServerErrorDoesNotStopTheOthersAndIsNeverRetried() throws Exception {
        List<Recipient> input = leads(10);
        String unlucky = input.get(4).leadId();
        nexor.answer = lead -> lead.equals(unlucky) ? json(500, "{\"error\":\"Internal server error\"}") : sentWhatsapp();

        BulkResult result = run(BulkSender.builder(client).concurrency(3).build(), input);

        assertThat(result.sent()).isEqualTo(9);
        BulkEntry failed = result.entries().get(4);
        assertThat(failed.outcome()).isEqualTo(BulkEntry.Outcome.FAILED);
        assertThat(failed.mayHaveBeenSent()).isTrue();
        assertThat(failed.error()).contains("HTTP 500");
        assertThat(nexor.requestsPerLead.get(unlucky)).hasValue(1);
    }

    @Test
    void anAuthenticationFailureStopsTheRunEarly() throws Exception {
        nexor.answer = lead -> json(401, "{\"error\":\"Invalid API key\",\"message\":\"The provided API key is not valid\"}");

        BulkResult result = run(BulkSender.builder(client).concurrency(2).build(), leads(50));

        assertThat(result.stoppedOnAuthentication()).isTrue();
        assertThat(server.getRequestCount()).isLessThanOrEqualTo(2);
        assertThat(result.count(BulkEntry.Outcome.NOT_ATTEMPTED)).isGreaterThanOrEqualTo(48);
        assertThat(result.entries().get(49).error()).contains("refused the API key");
    }

    @Test
    void cancellingStopsNewSendsAndSaysWhatMayHaveBeenSent() throws Exception {
        nexor.answer = lead -> sentWhatsapp().newBuilder().headersDelay(200, TimeUnit.MILLISECONDS).build();
        BulkSend send = BulkSender.builder(client).concurrency(2).build().prepare(shared(), leads(40));
        AtomicInteger progressCalls = new AtomicInteger();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                return;
            }
            send.cancel();
        });
        canceller.start();
        BulkResult result = send.execute((e, done, total) -> progressCalls.incrementAndGet());
        canceller.join();

        assertThat(result.cancelled()).isTrue();
        assertThat(result.sent()).isBetween(2L, 12L);
        assertThat(result.count(BulkEntry.Outcome.NOT_ATTEMPTED)).isGreaterThan(20);
        assertThat(result.entries()).filteredOn(e -> e.outcome() == BulkEntry.Outcome.FAILED)
                .allSatisfy(e -> assertThat(e.mayHaveBeenSent()).isTrue());
        assertThat(nexor.requestsPerLead.values()).allSatisfy(c -> assertThat(c).hasValue(1));
        assertThat(progressCalls.get()).isEqualTo(40);
    }

    @Test
    void resultsComeBackInInputOrder() throws Exception {
        List<Recipient> input = leads(30);
        nexor.answer = lead -> sentWhatsapp().newBuilder()
                .headersDelay((lead.hashCode() & 7) * 3L, TimeUnit.MILLISECONDS).build();
        BulkResult result = run(BulkSender.builder(client).concurrency(6).build(), input);
        assertThat(result.entries()).extracting(BulkEntry::leadId)
                .containsExactlyElementsOf(input.stream().map(Recipient::leadId).toList());
        assertThat(result.entries()).extracting(BulkEntry::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 30).boxed().toList());
    }

    @Test
    void theRateCapHoldsInEveryOneSecondWindow() throws Exception {
        BulkResult result = run(BulkSender.builder(client).concurrency(8).maxPerSecond(20).build(), leads(45));
        assertThat(result.sent()).isEqualTo(45);
        List<Long> times = new ArrayList<>(nexor.startTimes);
        times.sort(null);
        for (int i = 0; i < times.size(); i++) {
            int inWindow = 0;
            for (int j = i; j < times.size() && times.get(j) - times.get(i) < Duration.ofSeconds(1).toNanos(); j++) {
                inWindow++;
            }
            assertThat(inWindow).as("requests in the second after request %d", i).isLessThanOrEqualTo(20);
        }
    }
}
