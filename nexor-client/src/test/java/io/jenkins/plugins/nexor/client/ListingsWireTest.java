package io.jenkins.plugins.nexor.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Workflows and templates are written (sandbox) and read (client) by the same code: what is written reads back. */
class ListingsWireTest {

    @Test
    void workflowsRoundTrip() {
        List<Workflow> workflows = List.of(new Workflow("5f0e8a1e-2b7c-4d1a-9c3e-7a6b5d4c3b2a", "Seguimiento"),
                new Workflow("a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d", "Citas"));
        assertThat(WireFormat.readWorkflows(WireFormat.readObject(WireFormat.writeWorkflows(workflows))))
                .isEqualTo(workflows);
    }

    @Test
    void templatesRoundTripWithComponentsAsJson() {
        List<Template> templates = List.of(new Template("9d5a2f3e-1c4b-4e7a-8b6c-2d1e0f9a8b7c", "pedido_enviado", "es",
                "UTILITY", "APPROVED", "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}\"}]", List.of("1")));
        byte[] body = WireFormat.writeTemplates(templates);
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"components\":[{\"type\":\"BODY\"");
        assertThat(WireFormat.readTemplates(WireFormat.readObject(body))).isEqualTo(templates);
    }
}
