package io.jenkins.plugins.nexor.client;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared test values: ids, a key that is easy to search for, a client pointed at a MockWebServer. */
final class Fixtures {
    static final String KEY = "nxr_live_TEST_SECRET_4f1b9c";
    static final String LEAD = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    static final String WORKFLOW = "5f0e8a1e-2b7c-4d1a-9c3e-7a6b5d4c3b2a";
    static final String TEMPLATE = "9d5a2f3e-1c4b-4e7a-8b6c-2d1e0f9a8b7c";

    private Fixtures() {}

    static NexorClient.Builder clientFor(MockWebServer server) {
        return NexorClient.builder().apiKey(KEY).baseUrl(server.url("/api/public").toString())
                .connectRetryDelay(Duration.ofMillis(10));
    }

    /** The i-th lead of a test's own family of ids ({@code tag} keeps the tests' leads apart). */
    static String lead(long tag, int i) {
        return new java.util.UUID(tag, i).toString();
    }

    /** Leads 0 to n-1 of a family, each getting the shared message unchanged. */
    static java.util.List<Recipient> leads(long tag, int n) {
        java.util.List<Recipient> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Recipient.of(lead(tag, i)));
        }
        return out;
    }

    static MessageRequest.Builder whatsapp(String content) {
        return MessageRequest.builder().leadId(LEAD).workflowId(WORKFLOW).channel(Channel.WHATSAPP).content(content);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse sentWhatsapp() {
        return json(200, """
                {"success":true,"channel":"whatsapp","type":"text","message_id":"m-1",
                 "provider_message_id":"wamid.HBgL","activity_id":null,"call_id":null,"call_status":null}""");
    }
}
