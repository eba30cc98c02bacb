package io.jenkins.plugins.nexor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Recipients from CSV files (as spreadsheets write them) and from Pipeline lists. */
class RecipientsTest {

    @Test
    void csvWithQuotesLineBreaksAndOptionalColumns() {
        List<Recipient> r = Recipients.fromCsv("\uFEFFLead_ID,content,components\r\n"
                + "a,\"Hola, \"\"Ana\"\"\nsegunda línea\",\n"
                + "b,,\"[{\"\"type\"\":\"\"body\"\"}]\"\n\n");
        assertThat(r).containsExactly(
                new Recipient("a", "Hola, \"Ana\"\nsegunda línea", null, null, null, null, 2),
                new Recipient("b", null, null, null, "[{\"type\":\"body\"}]", null, 4));
    }

    @Test
    void csvProblemsAreExplained() {
        assertThatThrownBy(() -> Recipients.fromCsv("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Recipients.fromCsv("id,content\nx,y")).hasMessageContaining("no lead_id column");
        assertThatThrownBy(() -> Recipients.fromCsv("lead_id\n\"a")).hasMessageContaining("never closed")
                .hasMessageContaining("line 2");
    }

    @Test
    void pipelineListsOfIdsAndMaps() {
        List<Object> items = List.of("a", new StringBuilder("b"),
                Map.of("leadId", "c", "components", List.of(Map.of("type", "body")), "beginMessage", "Hola"),
                Map.of("lead_id", "d", "subject", "Factura"));
        assertThat(Recipients.fromList(items)).containsExactly(Recipient.of("a"), Recipient.of("b"),
                new Recipient("c", null, null, null, List.of(Map.of("type", "body")), "Hola"),
                new Recipient("d", null, null, "Factura", null, null));
        assertThatThrownBy(() -> Recipients.fromList(List.of("a", 42))).hasMessage(
                "leads[1] is a Integer; use a lead id or a map with leadId");
    }

    @Test
    void aCsvSourceReadsRowByRowAndCanBeReadAgain() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        // a file of a million rows made up on the fly: reading three of them must not read the rest
        RecipientSource source = Recipients.csv(() -> {
            opened.incrementAndGet();
            return new Reader() {
                private final String header = "lead_id,subject\r\n";
                private long pos;

                @Override
                public int read(char[] buf, int off, int len) {
                    int n = 0;
                    for (; n < len; n++, pos++) {
                        if (pos < header.length()) {
                            buf[off + n] = header.charAt((int) pos);
                            continue;
                        }
                        long row = (pos - header.length()) / 10;
                        if (row >= 1_000_000) {
                            return n == 0 ? -1 : n;
                        }
                        buf[off + n] = String.format("%07d,s\n", row).charAt((int) ((pos - header.length()) % 10));
                    }
                    return n;
                }

                @Override
                public void close() {}
            };
        });
        for (int pass = 0; pass < 2; pass++) {
            try (Stream<Recipient> rows = source.open()) {
                assertThat(rows.limit(3)).containsExactly(new Recipient("0000000", null, null, "s", null, null, 2),
                        new Recipient("0000001", null, null, "s", null, null, 3),
                        new Recipient("0000002", null, null, "s", null, null, 4));
            }
        }
        assertThat(opened).hasValue(2);
    }

    @Test
    void aJsonArrayOfIdsAndObjectsIsReadLikeAPipelineList() throws Exception {
        String json = "[\"a\", {\"lead_id\": \"b\", \"components\": [{\"type\": \"body\"}]},"
                + " {\"leadId\": \"c\", \"begin_message\": \"Hola\"}]";
        try (Stream<Recipient> rows = Recipients.file("leads.JSON", () -> new StringReader(json)).open()) {
            assertThat(rows).containsExactly(Recipient.of("a"),
                    new Recipient("b", null, null, null, List.of(Map.of("type", "body")), null),
                    new Recipient("c", null, null, null, null, "Hola"));
        }
    }

    @Test
    void jsonProblemsAreExplained() {
        assertThatThrownBy(() -> read("{\"lead_id\": \"a\"}")).hasMessageContaining("not a JSON array of leads");
        assertThatThrownBy(() -> read("[\"a\", 42]")).hasMessage("item 2 is a Integer; use a lead id or a map with leadId");
        assertThatThrownBy(() -> read("[\"a\", ")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> read("[\"a\" \"b\"")).hasMessageContaining("not valid JSON");
    }

    private static List<Recipient> read(String json) throws Exception {
        try (Stream<Recipient> rows = Recipients.json(() -> new StringReader(json)).open()) {
            return rows.toList();
        }
    }

    @Test
    void quotingRoundTrips() {
        String value = "a,\"b\"\nc";
        assertThat(Csv.parse("x\n" + Csv.quote(value))).containsExactly(List.of("x"), List.of(value));
    }
}
