package io.jenkins.plugins.nexor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recipients from CSV files (as spreadsheets write them) and from Pipeline lists. */
class RecipientsTest {

    @Test
    void csvWithQuotesLineBreaksAndOptionalColumns() {
        List<Recipient> r = Recipients.fromCsv("\uFEFFLead_ID,content,components\r\n"
                + "a,\"Hola, \"\"Ana\"\"\nsegunda línea\",\n"
                + "b,,\"[{\"\"type\"\":\"\"body\"\"}]\"\n\n");
        assertThat(r).containsExactly(
                new Recipient("a", "Hola, \"Ana\"\nsegunda línea", null, null, null, null),
                new Recipient("b", null, null, null, "[{\"type\":\"body\"}]", null));
    }

    @Test
    void csvProblemsAreExplained() {
        assertThatThrownBy(() -> Recipients.fromCsv("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Recipients.fromCsv("id,content\nx,y")).hasMessageContaining("no lead_id column");
        assertThatThrownBy(() -> Recipients.fromCsv("lead_id\n\"a")).hasMessageContaining("never closed");
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
    void quotingRoundTrips() {
        String value = "a,\"b\"\nc";
        assertThat(Csv.parse("x\n" + Csv.quote(value))).containsExactly(List.of("x"), List.of(value));
    }
}
