package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * A unique key planted in every input the client parses (a key pasted into the wrong field, or a key file given as
 * the leads file): no error, cause, stack trace or results line ever shows it. And input is parsed strictly: nothing
 * after a JSON value is ignored, control characters never reach a lead.
 */
class PlantedKeyTest {
    private static final String PLANTED = "nxr_live_PLANTED_7c1e93aa";

    private static void assertNoKey(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).as(failure.getMessage()).doesNotContain(PLANTED).doesNotContain("7c1e93aa");
    }

    /** Some parsing of user input. */
    @FunctionalInterface
    private interface Input {
        Object parse() throws Exception;
    }

    private static Throwable failureOf(Input input) {
        try {
            Object value = input.parse();
            if (value instanceof Stream<?> s) {
                s.forEach(x -> {});
            }
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    private static Stream<Recipient> csv(String text) {
        try {
            return Recipients.csv(() -> new StringReader(text)).open();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Stream<Recipient> json(String text) {
        try {
            return Recipients.json(() -> new StringReader(text)).open();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void noParseErrorQuotesAPlantedKey() {
        List<Throwable> failures = new ArrayList<>();
        for (String components : List.of(PLANTED, "[" + PLANTED + "]", "[{\"a\":" + PLANTED + "}]", "\"" + PLANTED
                + "\"", "[{}] " + PLANTED, "[{\"text\":\"" + PLANTED)) {
            failures.add(failureOf(() -> whatsapp(null).templateId(TEMPLATE).components(components).build()));
        }
        failures.add(failureOf(() -> whatsapp("Hola").leadId(PLANTED).build()));
        failures.add(failureOf(() -> whatsapp("Hola").workflowId(PLANTED).build()));
        failures.add(failureOf(() -> whatsapp("Hola").templateId(PLANTED).build()));
        failures.add(failureOf(() -> whatsapp("Hola").channel(PLANTED).build()));
        failures.add(failureOf(() -> csv(PLANTED + "\n")));                        // a key file given as leads
        failures.add(failureOf(() -> json("[" + PLANTED + "]")));
        failures.add(failureOf(() -> json(PLANTED)));
        failures.add(failureOf(() -> json("[\"" + LEAD + "\"] " + PLANTED)));
        failures.add(failureOf(() -> json("[{\"lead_id\": " + PLANTED + "}]")));

        assertThat(failures).hasSize(15).allSatisfy(PlantedKeyTest::assertNoKey);
        assertThat(failures.get(0).getMessage()).contains("not valid JSON at line 1, column");
    }

    @Test
    void resultsLinesNeverHoldAKeyShapedValue() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            BulkResult result = BulkSender.builder(clientFor(server).build()).build().prepare(
                    MessageRequest.builder().workflowId(WORKFLOW).channel(Channel.WHATSAPP).templateId(TEMPLATE),
                    Recipients.fromCsv("lead_id,components\n" + PLANTED + ",\n" + LEAD + "," + PLANTED + "\n"))
                    .execute(null);
            assertThat(result.count(BulkEntry.Outcome.SKIPPED)).isEqualTo(2);
            assertThat(server.getRequestCount()).isZero();
            for (BulkEntry e : result.entries()) {
                assertThat(Csv.resultLine(e)).doesNotContain(PLANTED).doesNotContain("7c1e93aa");
                assertThat(e.error()).doesNotContain(PLANTED);
            }
            assertThat(Csv.resultLine(result.entries().get(0))).contains("nxr_…(redacted)");
        }
    }

    @Test
    void nothingAfterAJsonValueIsIgnored() throws Exception {
        assertThatThrownBy(() -> whatsapp(null).templateId(TEMPLATE).components("[{}] trailing").build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("something follows the JSON value (after line 1, column 5); remove it");
        assertThat(whatsapp(null).templateId(TEMPLATE).components(" [{}] \n").build().components().toJson())
                .isEqualTo("[{}]");
        assertThatThrownBy(() -> json("[\"" + LEAD + "\"] garbage").toList())
                .hasMessageContaining("something follows the closing ] of the leads array");
        assertThatThrownBy(() -> json("[\"" + LEAD + "\"] []").toList())
                .hasMessageContaining("something follows the closing ]");
        assertThat(json("[\"" + LEAD + "\"]\n\n").toList()).hasSize(1);
    }

    @Test
    void aJsonLeadsFileWithGarbageAfterItIsRefusedBeforeAnythingIsSent() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            BulkSender sender = BulkSender.builder(clientFor(server).build()).build();
            assertThatThrownBy(() -> sender.prepare(whatsapp("Hola").leadId(null),
                    Recipients.json(() -> new StringReader("[\"" + LEAD + "\"] garbage"))))
                    .hasMessageContaining("something follows");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void controlCharactersInTextForALeadAreRefused() throws Exception {
        for (String text : List.of("Hola\u0000Ana", "Hola \u001b[2J", "\u007f")) {
            assertThatThrownBy(() -> whatsapp(text).build()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("content contains a control character (U+00");
        }
        assertThatThrownBy(() -> MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel(Channel.EMAIL)
                .html("<p>\u0007</p>").subject("Hola\u0000").build())
                .hasMessageContaining("html contains a control character (U+0007 at position 4)")
                .hasMessageContaining("subject contains a control character (U+0000 at position 5)");
        assertThat(whatsapp("Hola\tAna,\r\nhasta mañana").build().content()).contains("\t");
    }
}
