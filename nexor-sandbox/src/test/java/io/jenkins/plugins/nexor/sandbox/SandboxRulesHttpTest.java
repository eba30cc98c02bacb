package io.jenkins.plugins.nexor.sandbox;

import static io.jenkins.plugins.nexor.sandbox.RawHttp.message;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nexor.client.Template;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nexor's own rules and listings over raw HTTP: exact statuses and {error, message} bodies. */
class SandboxRulesHttpTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode refused(String body, int status) throws Exception {
        HttpResponse<String> r = RawHttp.post(nexor.sandbox(), "/messages", nexor.sandbox().apiKey(), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode n = JSON.readTree(r.body());
        assertThat(n.size()).isEqualTo(2);
        assertThat(n.path("message").asText()).isNotBlank();
        return n;
    }

    @Test
    void unknownLeadWorkflowAndTemplateAre404WithNexorsErrorShape() throws Exception {
        String unknown = UUID.randomUUID().toString();
        assertThat(refused(message(unknown, DEMO_WORKFLOW, "call", null), 404).path("error").asText())
                .isEqualTo("Lead not found");
        assertThat(refused(message(DEMO_LEAD_ANA, unknown, "call", null), 404).path("message").asText())
                .contains(unknown);
        assertThat(refused(message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "whatsapp", "\"template_id\":\"" + unknown + "\""),
                404).path("error").asText()).isEqualTo("Template not found");
        assertThat(nexor.sandbox().messages()).isEmpty();
    }

    @Test
    void leadsWithoutPhoneOrEmailAre422SayingWhy() throws Exception {
        assertThat(refused(message(DEMO_LEAD_CARLA, DEMO_WORKFLOW, "whatsapp", "\"content\":\"Hola\""), 422)
                .path("message").asText()).contains("no phone number");
        assertThat(refused(message(DEMO_LEAD_CARLA, DEMO_WORKFLOW, "call", null), 422).path("error").asText())
                .isEqualTo("Lead has no phone");
        assertThat(refused(message(DEMO_LEAD_DIEGO, DEMO_WORKFLOW, "email", "\"content\":\"Hola\""), 422)
                .path("message").asText()).contains("no e-mail address");
    }

    @Test
    void theTwentyFourHourWindowRefusesFreeTextButNotTemplatesAndIsConfigurablePerLead() throws Exception {
        assertThat(refused(message(DEMO_LEAD_BRUNO, DEMO_WORKFLOW, "whatsapp", "\"content\":\"Hola\""), 422)
                .path("message").asText()).contains("24-hour window").contains("template");
        String template = "\"template_id\":\"" + DEMO_TEMPLATE + "\",\"components\":[{\"type\":\"body\","
                + "\"parameters\":[{\"type\":\"text\",\"text\":\"Bruno\"},{\"type\":\"text\",\"text\":\"#7\"}]}]";
        HttpResponse<String> ok = RawHttp.post(nexor.sandbox(), "/messages", nexor.sandbox().apiKey(),
                message(DEMO_LEAD_BRUNO, DEMO_WORKFLOW, "whatsapp", template));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("type").asText()).isEqualTo("template");

        try (NexorSandbox own = NexorSandbox.builder().start()) { // the extension's directory stays as seeded
            own.directory().whatsappWindow(DEMO_LEAD_BRUNO, true).whatsappWindow(DEMO_LEAD_ANA, false);
            assertThat(RawHttp.post(own, "/messages", own.apiKey(),
                    message(DEMO_LEAD_BRUNO, DEMO_WORKFLOW, "whatsapp", "\"content\":\"Hola\"")).statusCode())
                    .isEqualTo(200);
            assertThat(RawHttp.post(own, "/messages", own.apiKey(),
                    message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "whatsapp", "\"content\":\"Hola\"")).statusCode())
                    .isEqualTo(422);
        }
    }

    @Test
    void aTemplateWithVariablesIsRefusedWithoutParametersSayingHowManyAndWhere() throws Exception {
        String template = "\"template_id\":\"" + DEMO_TEMPLATE + "\"";
        for (String extra : new String[] {template, template + ",\"components\":[]",
                template + ",\"components\":[{\"type\":\"body\"}]"}) {
            JsonNode n = refused(message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "whatsapp", extra), 422);
            assertThat(n.path("error").asText()).as(extra).isEqualTo("Template parameters missing");
            assertThat(n.path("message").asText()).as(extra).isEqualTo("Template pedido_enviado needs 2 parameters and"
                    + " the request sends none: 2 in the body ({{1}}, {{2}}). Send them in components, e.g."
                    + " [{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"…\"},"
                    + "{\"type\":\"text\",\"text\":\"…\"}]}]");
        }
        assertThat(nexor.sandbox().messages()).isEmpty();
        assertThat(RawHttp.post(nexor.sandbox(), "/messages", nexor.sandbox().apiKey(),
                message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "whatsapp", template + ",\"components\":[{\"type\":\"body\","
                        + "\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"},{\"type\":\"text\",\"text\":\"#1\"}]}]"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theRefusalNamesEveryPlaceOfATemplatesVariablesAndATemplateWithoutVariablesNeedsNone() throws Exception {
        String withButton = UUID.randomUUID().toString();
        String plain = UUID.randomUUID().toString();
        try (NexorSandbox own = NexorSandbox.builder().start()) {
            own.directory().add(new Template(withButton, "envio", "es", "UTILITY", "APPROVED",
                    "[{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Pedido {{1}}\"},"
                            + "{\"type\":\"BODY\",\"text\":\"Hola {{1}}, tu pedido {{2}} salió; sigue {{2}}\"},"
                            + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"Gracias\"},"
                            + "{\"type\":\"URL\",\"text\":\"Ver\",\"url\":\"https://example.com/o/{{1}}\"}]}]",
                    List.of("1", "2")));
            own.directory().add(new Template(plain, "bienvenida", "es", "UTILITY", "APPROVED",
                    "[{\"type\":\"BODY\",\"text\":\"Bienvenido\"}]", List.of()));
            HttpResponse<String> r = RawHttp.post(own, "/messages", own.apiKey(),
                    message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "whatsapp", "\"template_id\":\"" + withButton + "\""));
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(r.body()).path("message").asText()).isEqualTo("Template envio needs 4 parameters"
                    + " and the request sends none: 1 in the header ({{1}}), 2 in the body ({{1}}, {{2}}) and 1 in"
                    + " button 1 ({{1}}). Send them in components, e.g. [{\"type\":\"header\",\"parameters\":"
                    + "[{\"type\":\"text\",\"text\":\"…\"}]},{\"type\":\"body\",\"parameters\":"
                    + "[{\"type\":\"text\",\"text\":\"…\"},{\"type\":\"text\",\"text\":\"…\"}]},"
                    + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"1\",\"parameters\":"
                    + "[{\"type\":\"text\",\"text\":\"…\"}]}]");
            assertThat(RawHttp.post(own, "/messages", own.apiKey(),
                    message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "whatsapp", "\"template_id\":\"" + plain + "\""))
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void everyValidationProblemIsNamedAtOnce() throws Exception {
        JsonNode n = refused("{\"lead_id\":\"nope\",\"channel\":\"fax\",\"components\":{}}", 400);
        assertThat(n.path("error").asText()).isEqualTo("Invalid request");
        assertThat(n.path("message").asText()).contains("lead_id must be a UUID", "workflow_id is required",
                "channel \"fax\" is not one of", "components must be a JSON array").doesNotContain("leadId");
        assertThat(refused("", 400).path("message").asText()).contains("JSON");
    }

    @Test
    void templatesWorkflowsAndLeadsHaveNexorsShapes() throws Exception {
        String key = nexor.sandbox().apiKey();
        JsonNode templates = JSON.readTree(RawHttp.get(nexor.sandbox(), "/templates?status=APPROVED", key).body());
        assertThat(templates.path("success").asBoolean()).isTrue();
        assertThat(templates.path("templates")).hasSize(1);
        JsonNode t = templates.path("templates").get(0);
        assertThat(t.fieldNames()).toIterable()
                .containsExactly("id", "name", "language", "category", "status", "components", "variables");
        assertThat(t.path("id").asText()).isEqualTo(DEMO_TEMPLATE);
        assertThat(t.path("components").isArray()).isTrue();

        JsonNode workflows = JSON.readTree(RawHttp.get(nexor.sandbox(), "/workflows", key).body());
        assertThat(workflows.path("success").asBoolean()).isTrue();
        assertThat(workflows.path("workflows").findValuesAsText("id")).contains(DEMO_WORKFLOW);

        JsonNode lead = JSON.readTree(RawHttp.get(nexor.sandbox(), "/leads/" + DEMO_LEAD_CARLA, key).body());
        assertThat(lead.path("success").asBoolean()).isTrue();
        assertThat(lead.path("lead").path("email").asText()).isEqualTo("carla@example.com");
        assertThat(lead.path("lead").path("phone").isNull()).isTrue();
        assertThat(RawHttp.get(nexor.sandbox(), "/leads/" + UUID.randomUUID(), key).statusCode()).isEqualTo(404);
    }

    @Test
    void theReadEndpointsNeedTheKeyToo() throws Exception {
        for (String path : new String[] {"/templates", "/workflows", "/leads/" + DEMO_LEAD_ANA,
                "/leads/" + DEMO_LEAD_ANA + "/history"}) {
            assertThat(RawHttp.get(nexor.sandbox(), path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(RawHttp.get(nexor.sandbox(), path, "nxr_live_wrong").body()).as(path).contains("Invalid API key");
        }
    }

    @Test
    void historyPagesWithLimitAndOffset() throws Exception {
        String key = nexor.sandbox().apiKey();
        for (int i = 0; i < 5; i++) {
            assertThat(RawHttp.post(nexor.sandbox(), "/messages", key,
                    message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "email", "\"content\":\"n" + i + "\"")).statusCode())
                    .isEqualTo(200);
        }
        JsonNode page = JSON.readTree(RawHttp.get(nexor.sandbox(),
                "/leads/" + DEMO_LEAD_ANA + "/history?channel=email&limit=2&offset=1", key).body());
        assertThat(page.path("total").asInt()).isEqualTo(5);
        assertThat(page.path("history").findValuesAsText("content")).containsExactly("n3", "n2");
        assertThat(page.path("history").get(0).path("activity_id").asText()).startsWith("act_");
    }
}
