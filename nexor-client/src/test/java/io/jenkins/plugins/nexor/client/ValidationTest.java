package io.jenkins.plugins.nexor.client;

import static io.jenkins.plugins.nexor.client.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Every rule of the request, reported at once, before anything is sent. */
class ValidationTest {

    private static List<String> codes(MessageRequest.Builder b) {
        return b.validate().problems().stream().map(p -> p.field().propertyName() + ":" + p.code()).toList();
    }

    @Test
    void anEmptyRequestListsEveryMissingFieldAndNothingReachesTheServer() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            NexorClient client = clientFor(server).build();
            MessageRequest.Builder empty = MessageRequest.builder().leadId("").workflowId("  ").channel("");

            assertThatThrownBy(() -> client.send(empty.build()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.mayHaveBeenSent()).isFalse();
                        assertThat(e.getMessage()).startsWith("The Nexor message was not sent: 3 problems in the request:")
                                .contains("leadId is required").contains("workflowId is required")
                                .contains("channel is required: whatsapp, email or call")
                                .doesNotContain("leadId: leadId");
                        assertThat(e.getMessage(Locale.forLanguageTag("es"))).startsWith(
                                "El mensaje de Nexor no se envió: 3 problemas en la petición:\n- leadId es obligatorio");
                        assertThat(new InvalidRequestException(empty.leadId(LEAD).workflowId(WORKFLOW)
                                .validate()).getMessage()).startsWith("The Nexor message was not sent: 1 problem in");
                    });
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void idsMustBeUuidsInAnyCase() {
        assertThat(codes(whatsapp("x").leadId("42").workflowId("5F0E8A1E-2B7C-4D1A-9C3E-7A6B5D4C3B2A")))
                .containsExactly("leadId:uuid.invalid");
        assertThat(whatsapp("x").leadId("3c90c3cc0d444b5088888dd25736052a").validate().errors().get(0).message())
                .isEqualTo("leadId must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a, "
                        + "but it is \"3c90c3cc0d444b5088888dd25736052a\".");
        assertThat(codes(whatsapp(null).templateId("tmpl-1"))).containsExactly("templateId:uuid.invalid");
    }

    @Test
    void apiMessagesUseTheApiNamesOfTheFields() {
        Problem lead = whatsapp("x").leadId("42").validate().errors().get(0);
        assertThat(lead.apiMessage()).startsWith("lead_id must be a UUID such as").endsWith("but it is \"42\".");
        Problem body = MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel("whatsapp").validate()
                .errors().get(0);
        assertThat(body.apiMessage()).isEqualTo(
                "A WhatsApp message needs content (free text) or template_id (an approved template).");
    }

    @Test
    void channelIsAcceptedInAnyCaseAndUnknownOnesAreNamed() throws Exception {
        assertThat(whatsapp("x").channel(" EMAIL ").build().channel()).isEqualTo(Channel.EMAIL);
        Problem p = whatsapp("x").channel("sms").validate().errors().get(0);
        assertThat(p.field()).isEqualTo(Field.CHANNEL);
        assertThat(p.message()).isEqualTo("channel \"sms\" is not one of Nexor's channels: use whatsapp, email or call.");
    }

    @Test
    void whatsappNeedsContentOrTemplate() {
        assertThat(codes(whatsapp(null))).containsExactly("content:whatsapp.body.required");
        assertThat(codes(whatsapp("   "))).containsExactly("content:whatsapp.body.required");
        assertThat(codes(whatsapp(null).templateId(TEMPLATE))).isEmpty();
    }

    @Test
    void whatsappTextIsLimitedTo4096CharactersCountingEmojiOnce() {
        assertThat(codes(whatsapp("a".repeat(4096)))).isEmpty();
        assertThat(codes(whatsapp("😀".repeat(4096)))).isEmpty(); // 8192 UTF-16 units, 4096 characters
        Problem p = whatsapp("a".repeat(4097)).validate().errors().get(0);
        assertThat(p.message()).isEqualTo("content has 4097 characters; a WhatsApp text message allows at most 4096. "
                + "Shorten it or send a template.");
    }

    @Test
    void componentsNeedATemplateAndMustBeAnArrayOfObjects() {
        String ok = "[{\"type\":\"body\",\"parameters\":[]}]";
        assertThat(codes(whatsapp(null).components(ok))).containsExactly("content:whatsapp.body.required",
                "components:components.withoutTemplate");
        assertThat(whatsapp(null).templateId(TEMPLATE).components("{\"type\":\"body\"}").validate().errors())
                .singleElement().satisfies(p -> assertThat(p.message()).endsWith("here it is expected a JSON array, got an object."));
        assertThat(whatsapp(null).templateId(TEMPLATE).components("[1]").validate().errors())
                .singleElement().satisfies(p -> assertThat(p.message()).endsWith("element 0 is a number, not an object."));
        assertThat(whatsapp(null).templateId(TEMPLATE).components("[{").validate().errors())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not valid JSON"));
        assertThat(whatsapp(null).templateId(TEMPLATE).components(List.of(Map.of("when", new Object())))
                .validate().errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("components[0].when holds a Object"));
        assertThat(codes(whatsapp(null).templateId(TEMPLATE).components(List.of(Map.of("type", "body"))))).isEmpty();
    }

    @Test
    void emailNeedsContentOrHtmlAndASingleLineSubject() {
        MessageRequest.Builder email = MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel(Channel.EMAIL);
        assertThat(codes(email)).containsExactly("content:email.body.required");
        assertThat(codes(email.html("<p>Hola</p>"))).isEmpty();
        assertThat(codes(email.subject("Factura\r\nBcc: x@example.com"))).containsExactly("subject:subject.multiline");
    }

    @Test
    void callNeedsNothingMore() {
        assertThat(codes(MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel(Channel.CALL))).isEmpty();
    }

    @Test
    void fieldsTheChannelIgnoresAreWarningsAndAreNotSent() throws Exception {
        MessageRequest.Builder b = whatsapp("Hola").html("<p>x</p>").subject("s").beginMessage("hola");
        assertThat(codes(b)).containsExactly("html:field.ignoredForChannel", "subject:field.ignoredForChannel",
                "beginMessage:field.ignoredForChannel");
        MessageRequest r = b.build();
        assertThat(r.html()).isNull();
        assertThat(r.subject()).isNull();
        assertThat(r.beginMessage()).isNull();
        assertThat(r.warnings().get(0).message())
                .isEqualTo("html applies only to email; it is ignored for channel whatsapp and will not be sent.");

        MessageRequest template = whatsapp("Hola").templateId(TEMPLATE).build();
        assertThat(template.content()).isNull();
        assertThat(template.warnings()).extracting(Problem::code).containsExactly("content.ignoredWithTemplate");

        MessageRequest.Builder email = MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel(Channel.EMAIL)
                .content("x").templateId(TEMPLATE).components("[{}]");
        assertThat(codes(email)).containsExactly("templateId:field.ignoredForChannel",
                "components:field.ignoredForChannel");
    }

    @Test
    void everyProblemIsReportedInFieldOrder() {
        MessageRequest.Builder b = MessageRequest.builder().leadId("x").channel("whatsapp").templateId("y")
                .components("nope").html("<p/>");
        assertThat(codes(b)).containsExactly("leadId:uuid.invalid", "workflowId:workflow.required",
                "html:field.ignoredForChannel", "templateId:uuid.invalid", "components:components.invalid");
    }

    @Test
    void messagesAreAvailableInSpanish() {
        Problem p = whatsapp(null).validate().errors().get(0);
        assertThat(p.message(Locale.forLanguageTag("es-MX")))
                .isEqualTo("Un mensaje de WhatsApp necesita content (texto libre) o templateId (una plantilla aprobada).");
        assertThat(p.message(Locale.GERMAN)).isEqualTo(p.message()); // no German: English, not the JVM's default
    }

    @Test
    void everyMessageHasASpanishTranslation() throws Exception {
        var en = new java.util.Properties();
        var es = new java.util.Properties();
        try (var a = Problem.class.getResourceAsStream("ValidationMessages.properties");
             var b = Problem.class.getResourceAsStream("ValidationMessages_es.properties")) {
            en.load(a);
            es.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(es.keySet()).isEqualTo(en.keySet());
        for (var bundle : List.of(en, es)) {
            bundle.forEach((key, pattern) -> assertThat(new java.text.MessageFormat((String) pattern)
                    .format(new Object[] {1, 2, 3})).as("%s", key).doesNotContainPattern("\\{\\d"));
        }
    }

    @Test
    void apiKeyRules() {
        assertThat(Validation.ofApiKey(KEY).problems()).isEmpty();
        assertThat(Validation.ofApiKey("").errors()).extracting(Problem::code).containsExactly("apiKey.required");
        assertThat(Validation.ofApiKey("nxr_live_abc\r\nX-Evil: 1").errors().get(0).message())
                .contains("position 13").doesNotContain("nxr_live_abc");
        assertThat(Validation.ofApiKey("sk_abc").problems()).singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
        assertThatThrownBy(() -> ApiKey.of("nxr_live_ab c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("nxr_live_ab");
    }

    @Test
    void baseUrlMustBeHttpsExceptOnLoopback() {
        assertThat(Validation.ofBaseUrl(NexorClient.DEFAULT_BASE_URL).problems()).isEmpty();
        assertThat(Validation.ofBaseUrl("http://127.0.0.1:8080/api/public").problems()).isEmpty();
        assertThat(Validation.ofBaseUrl("http://localhost:8080").problems()).isEmpty();
        assertThat(Validation.ofBaseUrl("http://[::1]:8080").problems()).isEmpty();
        assertThat(Validation.ofBaseUrl("http://api.getnexor.ai/api/public").errors())
                .extracting(Problem::code).containsExactly("baseUrl.httpsRequired");
        assertThat(Validation.ofBaseUrl("http://127.0.0.1.evil.example").errors())
                .extracting(Problem::code).containsExactly("baseUrl.httpsRequired");
        assertThat(Validation.ofBaseUrl("ftp://x").errors()).extracting(Problem::code).containsExactly("baseUrl.invalid");
        assertThat(Validation.ofBaseUrl("https://u:p@api.getnexor.ai").errors())
                .extracting(Problem::code).containsExactly("baseUrl.extraParts");
        assertThatThrownBy(() -> NexorClient.builder().baseUrl("http://example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must use https");
    }

    @Test
    void idsAreCheckedOnTheirOwnWithTheRequestsMessages() {
        assertThat(Validation.ofId(Field.LEAD_ID, LEAD.toUpperCase()).problems()).isEmpty();
        assertThat(Validation.ofId(Field.LEAD_ID, " ").errors()).extracting(Problem::code).containsExactly("lead.required");
        assertThat(Validation.ofId(Field.WORKFLOW_ID, "x").errors()).extracting(Problem::code)
                .containsExactly("uuid.invalid");
        assertThat(Validation.ofId(Field.TEMPLATE_ID, null).errors().get(0).message())
                .isEqualTo("templateId is required: a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a.");
        assertThatThrownBy(() -> Validation.ofId(Field.CONTENT, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyPastedIntoAnIdFieldIsNotEchoed() {
        Problem p = whatsapp("x").leadId(KEY).validate().errors().get(0);
        assertThat(p.message()).doesNotContain(KEY).contains("nxr_…(redacted)");
    }
}
