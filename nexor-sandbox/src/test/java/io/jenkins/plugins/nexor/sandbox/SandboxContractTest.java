package io.jenkins.plugins.nexor.sandbox;

import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nexor.client.Channel;
import io.jenkins.plugins.nexor.client.MessageRequest;
import io.jenkins.plugins.nexor.client.MessageResult;
import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.RejectedException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real client against the sandbox: what Nexor answers for each channel and each refusal. */
class SandboxContractTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    private NexorClient client;

    @BeforeEach
    void client() {
        client = NexorClient.builder().apiKey(nexor.sandbox().apiKey()).baseUrl(nexor.sandbox().baseUrl()).build();
    }

    private static MessageRequest.Builder to(String lead, Channel channel) {
        return MessageRequest.builder().leadId(lead).workflowId(DEMO_WORKFLOW).channel(channel);
    }

    @Test
    void whatsappTextGetsAMessageIdAndAWamid() throws Exception {
        MessageResult r = client.send(to(DEMO_LEAD_ANA, Channel.WHATSAPP).content("Hola Ana").build());
        assertThat(r.success()).isTrue();
        assertThat(r.channel()).isEqualTo("whatsapp");
        assertThat(r.type()).isEqualTo("text");
        assertThat(UUID.fromString(r.messageId())).isNotNull();
        assertThat(r.providerMessageId()).startsWith("wamid.");
        assertThat(r.activityId()).isNull();
        assertThat(r.callId()).isNull();
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_ANA)).isEqualTo(1);
    }

    @Test
    void whatsappTemplateReachesALeadOutsideTheWindow() throws Exception {
        MessageResult r = client.send(to(DEMO_LEAD_BRUNO, Channel.WHATSAPP).templateId(DEMO_TEMPLATE)
                .components("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Bruno\"}]}]").build());
        assertThat(r.type()).isEqualTo("template");
        assertThat(nexor.sandbox().messages()).singleElement()
                .satisfies(m -> assertThat(m.components()).contains("\"text\":\"Bruno\""));
    }

    @Test
    void freeTextOutsideTheWindowIsRefusedWithAHint() {
        assertThatThrownBy(() -> client.send(to(DEMO_LEAD_BRUNO, Channel.WHATSAPP).content("Hola").build()))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.error()).isEqualTo("Outside 24h window");
                    assertThat(e.apiMessage()).contains("send an approved template");
                });
        assertThat(nexor.sandbox().sentCount(DEMO_LEAD_BRUNO)).isZero();
    }

    @Test
    void emailGetsAnActivityId() throws Exception {
        MessageResult r = client.send(to(DEMO_LEAD_CARLA, Channel.EMAIL).subject("Factura").html("<p>Hola</p>").build());
        assertThat(r.activityId()).startsWith("act_");
        assertThat(r.providerMessageId()).isNull();
    }

    @Test
    void callGetsACallIdAndRegisteredStatus() throws Exception {
        MessageResult r = client.send(to(DEMO_LEAD_DIEGO, Channel.CALL).beginMessage("Hola Diego").build());
        assertThat(r.callId()).startsWith("call_");
        assertThat(r.callStatus()).isEqualTo("registered");
        assertThat(r.type()).isNull();
    }

    @Test
    void leadsThatCannotBeReachedOnTheChannelAreRefused() {
        assertThatThrownBy(() -> client.send(to(DEMO_LEAD_CARLA, Channel.CALL).build()))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.error()).isEqualTo("Lead has no phone"));
        assertThatThrownBy(() -> client.send(to(DEMO_LEAD_DIEGO, Channel.EMAIL).content("x").build()))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.error()).isEqualTo("Lead has no email"));
    }

    @Test
    void unknownLeadWorkflowAndTemplateAre404() {
        String unknown = UUID.randomUUID().toString();
        assertThatThrownBy(() -> client.send(to(unknown, Channel.CALL).build()))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.error()).isEqualTo("Lead not found");
                });
        assertThatThrownBy(() -> client.send(to(DEMO_LEAD_ANA, Channel.CALL).workflowId(unknown).build()))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.error()).isEqualTo("Workflow not found"));
        assertThatThrownBy(() -> client.send(to(DEMO_LEAD_ANA, Channel.WHATSAPP).templateId(unknown).build()))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.error()).isEqualTo("Template not found"));
        assertThatThrownBy(() -> client.send(to(DEMO_LEAD_ANA, Channel.WHATSAPP).templateId(DEMO_TEMPLATE_PENDING).build()))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void workflowsAndApprovedTemplatesAreListed() throws Exception {
        assertThat(client.workflows()).extracting(w -> w.id()).contains(DEMO_WORKFLOW, DEMO_WORKFLOW_REMINDERS);
        assertThat(client.templates("APPROVED")).extracting(t -> t.id()).containsExactly(DEMO_TEMPLATE);
        assertThat(client.templates(null)).hasSize(2);
    }

    @Test
    void theLeadsHistoryReflectsWhatWasSent() throws Exception {
        client.send(to(DEMO_LEAD_ANA, Channel.WHATSAPP).content("uno").build());
        client.send(to(DEMO_LEAD_ANA, Channel.EMAIL).content("dos").build());
        client.send(to(DEMO_LEAD_ANA, Channel.CALL).build());
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(nexor.sandbox().baseUrl() + "/leads/"
                        + DEMO_LEAD_ANA + "/history?channel=whatsapp,email&limit=50&offset=0"))
                .header("X-API-Key", nexor.sandbox().apiKey()).build();
        String body = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("\"total\":2").contains("\"content\":\"dos\"").contains("\"content\":\"uno\"")
                .doesNotContain("\"channel\":\"call\"");
        assertThat(body.indexOf("dos")).isLessThan(body.indexOf("uno")); // newest first
    }
}
