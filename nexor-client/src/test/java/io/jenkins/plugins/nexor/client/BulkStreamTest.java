package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk sends streamed from a file: read twice, entries handed over in order and not kept, input changes caught. */
class BulkStreamTest {
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

    private static String lead(int i) {
        return Fixtures.lead(0x2222, i);
    }

    private static MessageRequest.Builder shared() {
        return MessageRequest.builder().workflowId(WORKFLOW).channel(Channel.WHATSAPP).content("Tu cita es mañana");
    }

    @Test
    void aFileIsValidatedThenStreamedAndEveryEntryArrivesOnceInOrder(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("lead_id,content\n");
        for (int i = 0; i < 600; i++) {
            csv.append(i == 10 ? "not-a-lead" : i == 20 ? lead(5) : lead(i)).append(i == 30 ? ",Hola\n" : ",\n");
        }
        Path file = dir.resolve("leads.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        AtomicInteger opened = new AtomicInteger();
        RecipientSource source = Recipients.csv(() -> {
            opened.incrementAndGet();
            return Files.newBufferedReader(file);
        });

        BulkSend send = BulkSender.builder(client).concurrency(8).build().prepare(shared(), source);
        assertThat(send.total()).isEqualTo(600);
        assertThat(send.invalidCount()).isEqualTo(2);
        assertThat(send.invalid()).extracting(BulkEntry::index).containsExactly(10, 20);
        List<Integer> order = new ArrayList<>();
        List<BulkEntry> skipped = new ArrayList<>();
        BulkTotals totals = send.stream((entry, done, total) -> {
            order.add(entry.index());
            assertThat(done).isEqualTo(order.size());
            if (entry.outcome() == BulkEntry.Outcome.SKIPPED) {
                skipped.add(entry);
            }
        });

        assertThat(opened).as("one reading to validate, one to send").hasValue(2);
        assertThat(order).hasSize(600);
        for (int i = 0; i < order.size(); i++) {
            assertThat(order.get(i)).isEqualTo(i);
        }
        assertThat(totals).isEqualTo(new BulkTotals(600, 598, 0, 2, 0, false, false));
        assertThat(skipped.get(0).error()).contains("leadId must be a UUID");
        assertThat(skipped.get(1).error()).contains("already in the list (entry 6)");
        assertThat(nexor.requestsPerLead).hasSize(598).allSatisfy((l, c) -> assertThat(c).hasValue(1));
    }

    @Test
    void aSlowLeadHoldsBackTheOthersOnlyAsFarAsTheWindow() throws Exception {
        List<Recipient> leads = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            leads.add(Recipient.of(lead(i)));
        }
        // lead 0 answers once 200 other requests came, or after 4 s: only a run without a window gets there first
        nexor.answer = lead -> {
            for (int waited = 0; lead.equals(lead(0)) && server.getRequestCount() < 200 && waited < 4000; waited += 20) {
                Thread.sleep(20);
            }
            return sentWhatsapp();
        };
        AtomicInteger requestsWhenFirstArrived = new AtomicInteger(-1);
        // two workers, so a window of 64 rows: the free worker may run 63 rows ahead of lead 0, no further
        BulkTotals totals = BulkSender.builder(client).concurrency(2).build().prepare(shared(), leads)
                .stream((entry, done, total) -> {
                    if (entry.index() == 0) {
                        requestsWhenFirstArrived.set(server.getRequestCount());
                    }
                });
        assertThat(totals.sent()).isEqualTo(250);
        assertThat(requestsWhenFirstArrived.get()).isBetween(2, 64 + 2);
    }

    @Test
    void aRowThatChangesBetweenTheReadingsIsNeverSent() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        RecipientSource source = () -> {
            boolean second = opened.incrementAndGet() == 2;
            List<Recipient> rows = new ArrayList<>(List.of(Recipient.of(lead(0)),
                    Recipient.of(second ? lead(99) : lead(1)), Recipient.of(lead(2)), Recipient.of(lead(3))));
            if (second) {
                rows.remove(3); // the file lost its last row
            }
            return rows.stream();
        };
        BulkResult result = BulkSender.builder(client).concurrency(2).build().prepare(shared(), source).execute(null);

        assertThat(result.entries()).extracting(BulkEntry::outcome).containsExactly(BulkEntry.Outcome.SENT,
                BulkEntry.Outcome.SKIPPED, BulkEntry.Outcome.SENT, BulkEntry.Outcome.NOT_ATTEMPTED);
        assertThat(result.entries().get(1).error()).contains("changed after the leads were checked");
        assertThat(result.entries().get(3).error()).contains("no longer in the leads");
        assertThat(nexor.requestsPerLead).containsOnlyKeys(lead(0), lead(2));
    }

    @Test
    void aSecondReadingThatBreaksOffStillAccountsForEveryLead() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        RecipientSource source = () -> {
            boolean second = opened.incrementAndGet() == 2;
            return java.util.stream.IntStream.range(0, 200).mapToObj(i -> {
                if (second && i == 150) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("agent went away"));
                }
                return Recipient.of(lead(i));
            });
        };
        BulkResult result = BulkSender.builder(client).concurrency(4).build().prepare(shared(), source).execute(null);

        assertThat(result.entries()).hasSize(200);
        assertThat(result.sent()).isEqualTo(150);
        assertThat(result.entries().subList(150, 200)).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(BulkEntry.Outcome.NOT_ATTEMPTED);
            assertThat(e.error()).contains("could not be read again").contains("agent went away");
        });
        assertThat(nexor.requestsPerLead).hasSize(150);
    }

    @Test
    void interruptingTheCallingThreadCancelsAndStillAccountsForEveryLead() throws Exception {
        List<Recipient> leads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            leads.add(Recipient.of(lead(i)));
        }
        nexor.answer = lead -> sentWhatsapp().newBuilder().headersDelay(100, TimeUnit.MILLISECONDS).build();
        BulkSend send = BulkSender.builder(client).concurrency(4).build().prepare(shared(), leads);
        AtomicReference<BulkResult> result = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            result.set(send.execute(null));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        runner.start();
        Thread.sleep(500);
        runner.interrupt();
        runner.join(10_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(interruptKept.get()).isTrue();
        BulkResult r = result.get();
        assertThat(r.cancelled()).isTrue();
        assertThat(r.entries()).hasSize(200);
        assertThat(r.count(BulkEntry.Outcome.NOT_ATTEMPTED)).isGreaterThan(150);
        assertThat(nexor.requestsPerLead.values()).allSatisfy(c -> assertThat(c).hasValue(1));
        assertThat(r.sent() + r.count(BulkEntry.Outcome.FAILED)).isEqualTo(nexor.requestsPerLead.size());
    }

    @Test
    void theCsvParserAgreesWithTheWholeTextParser() {
        String text = "lead_id,subject\r\n\"a\",\"x,\"\"y\"\"\"\r\n\r\nb,\"two\nlines\"";
        List<Recipient> streamed = new ArrayList<>();
        try (var rows = Recipients.csv(() -> new StringReader(text)).open()) {
            rows.forEach(streamed::add);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(streamed).isEqualTo(Recipients.fromCsv(text)).containsExactly(
                new Recipient("a", null, null, "x,\"y\"", null, null, 2),
                new Recipient("b", null, null, "two\nlines", null, null, 4));
    }
}
