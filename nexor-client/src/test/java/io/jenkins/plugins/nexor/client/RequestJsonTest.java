package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact bytes and headers Nexor receives, per channel. */
class RequestJsonTest {
    private final MockWebServer server = new MockWebServer();
    private NexorClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = clientFor(server).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RecordedRequest sendAndTake(MessageRequest request, String answer) throws Exception {
        server.enqueue(json(200, answer));
        client.send(request);
        return server.takeRequest();
    }

    @Test
    void whatsappTextIsSentWithTheApiHeadersAndSnakeCaseFields() throws Exception {
        RecordedRequest r = sendAndTake(MessageRequest.builder().leadId(LEAD.toUpperCase()).workflowId(" " + WORKFLOW + " ")
                .channel("WhatsApp").content("Hola Ana, tu pedido salió hoy.").build(), "{\"success\":true}");

        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/public/messages");
        assertThat(r.getHeaders().get("X-API-Key")).isEqualTo(KEY);
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(r.getHeaders().get("User-Agent")).matches("nexor-java/\\S+").doesNotContain("unknown");
        assertThat(r.getBody().utf8()).isEqualTo("{\"lead_id\":\"" + LEAD + "\",\"workflow_id\":\"" + WORKFLOW
                + "\",\"channel\":\"whatsapp\",\"content\":\"Hola Ana, tu pedido salió hoy.\"}");
    }

    @Test
    void whatsappTemplatePassesComponentsThroughUnchanged() throws Exception {
        String components = "[{\"type\":\"BODY\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"},"
                + "{\"type\":\"currency\",\"currency\":{\"fallback_value\":\"$10.50\",\"code\":\"USD\",\"amount_1000\":10500}}]},"
                + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\",\"text\":\"order/1234\"}]}]";
        RecordedRequest r = sendAndTake(MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel(Channel.WHATSAPP)
                .templateId(TEMPLATE).components(components).build(), "{\"success\":true}");

        assertThat(r.getBody().utf8()).isEqualTo("{\"lead_id\":\"" + LEAD + "\",\"workflow_id\":\"" + WORKFLOW
                + "\",\"channel\":\"whatsapp\",\"template_id\":\"" + TEMPLATE + "\",\"components\":" + components + "}");
    }

    @Test
    void componentsWrittenAsPipelineMapsBecomeTheSameJson() throws Exception {
        CharSequence groovyLikeText = new StringBuilder("Ana"); // a GString is a CharSequence, not a String
        Map<String, Object> text = new LinkedHashMap<>(); // Groovy map literals are LinkedHashMaps
        text.put("type", "text");
        text.put("text", groovyLikeText);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "body");
        body.put("parameters", List.of(text));
        List<Map<String, Object>> components = List.of(body);
        RecordedRequest r = sendAndTake(MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel(Channel.WHATSAPP)
                .templateId(TEMPLATE).components(components).build(), "{\"success\":true}");

        JsonNode sent = WireFormat.MAPPER.readTree(r.getBody().utf8());
        assertThat(sent.get("components").toString())
                .isEqualTo("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"}]}]");
    }

    @Test
    void emailSendsHtmlAndSubjectAndWarnsThatContentBesideHtmlIsNotSent() throws Exception {
        MessageRequest request = MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel(Channel.EMAIL)
                .subject("Factura 12").content("Adjunta").html("<p>Hola <b>Ana</b> & co</p>").build();
        assertThat(request.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo(Field.CONTENT);
            assertThat(w.message()).isEqualTo("content is ignored when html is set (Nexor sends the HTML body); it will"
                    + " not be sent.");
        });
        RecordedRequest r = sendAndTake(request, "{\"success\":true,\"channel\":\"email\",\"activity_id\":\"act_1\"}");

        assertThat(r.getBody().utf8()).isEqualTo("{\"lead_id\":\"" + LEAD + "\",\"workflow_id\":\"" + WORKFLOW
                + "\",\"channel\":\"email\",\"html\":\"<p>Hola <b>Ana</b> & co</p>\",\"subject\":\"Factura 12\"}");
    }

    @Test
    void emailSendsContentAloneAsPlainText() throws Exception {
        RecordedRequest r = sendAndTake(MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel(Channel.EMAIL)
                .content("Adjunta").build(), "{\"success\":true,\"channel\":\"email\",\"activity_id\":\"act_1\"}");
        assertThat(r.getBody().utf8()).contains("\"content\":\"Adjunta\"");
    }

    @Test
    void callSendsOnlyTheBeginMessageAndDropsFieldsTheChannelIgnores() throws Exception {
        MessageRequest call = MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel("call")
                .beginMessage("Hola, te llamo de Acme").subject("ignored").content("ignored too").build();
        RecordedRequest r = sendAndTake(call, "{\"success\":true,\"channel\":\"call\",\"call_id\":\"call_1\","
                + "\"call_status\":\"registered\"}");

        assertThat(r.getBody().utf8()).isEqualTo("{\"lead_id\":\"" + LEAD + "\",\"workflow_id\":\"" + WORKFLOW
                + "\",\"channel\":\"call\",\"begin_message\":\"Hola, te llamo de Acme\"}");
        assertThat(call.warnings()).extracting(Problem::field).containsExactly(Field.CONTENT, Field.SUBJECT);
    }

    @Test
    void resultCarriesEveryFieldAndIgnoresUnknownOnes() throws Exception {
        server.enqueue(json(200, """
                {"success":true,"channel":"call","type":null,"message_id":"m-9","provider_message_id":null,
                 "activity_id":null,"call_id":"call_77","call_status":"not_connected","queued_at":"2026-11-25T10:00:00Z",
                 "extra":{"nested":[1,2]}}"""));
        MessageResult result = client.send(MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW)
                .channel(Channel.CALL).build());

        assertThat(result).isEqualTo(new MessageResult(true, "call", null, "m-9", null, null, "call_77", "not_connected"));
    }

    @Test
    void userAgentNamesTheCallingProductFirst() throws Exception {
        client = clientFor(server).userAgentProduct("nexor-jenkins/1.0").build();
        RecordedRequest r = sendAndTake(whatsapp("Hola").build(), "{\"success\":true}");
        assertThat(r.getHeaders().get("User-Agent")).startsWith("nexor-jenkins/1.0 nexor-java/");
    }
}
