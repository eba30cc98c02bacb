package io.jenkins.plugins.nexor.sandbox;

import static io.jenkins.plugins.nexor.sandbox.RawHttp.message;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded memory, the key kept out of everything recorded, and the directory's checks. */
class SandboxLimitsTest {

    @Test
    void onlyTheLastMessagesAreKeptButCountsAreNotForgotten() throws Exception {
        try (NexorSandbox s = NexorSandbox.builder().maxMessages(3).start()) {
            for (int i = 0; i < 5; i++) {
                assertThat(RawHttp.post(s, "/messages", s.apiKey(),
                        message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "email", "\"content\":\"n" + i + "\"")).statusCode())
                        .isEqualTo(200);
            }
            assertThat(s.messages()).extracting(SentMessage::content).containsExactly("n2", "n3", "n4");
            assertThat(s.requests()).hasSize(3);
            assertThat(s.sentCount(DEMO_LEAD_ANA)).isEqualTo(5);
            assertThat(RawHttp.inspect(s, "/sandbox/messages")).contains("\"sent_per_lead\":{\"" + DEMO_LEAD_ANA + "\":5}");
        }
    }

    @Test
    void longTextsAreKeptCut() throws Exception {
        try (NexorSandbox s = NexorSandbox.builder().start()) {
            String big = "x".repeat(100_000);
            assertThat(RawHttp.post(s, "/messages", s.apiKey(),
                    message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "email", "\"html\":\"" + big + "\"")).statusCode())
                    .isEqualTo(200);
            assertThat(s.messages().get(0).content()).hasSizeLessThan(Journal.MAX_TEXT + 100)
                    .endsWith("cut by the sandbox)");
            assertThat(s.requests().get(0).body()).hasSizeLessThan(Journal.MAX_TEXT + 100);
        }
    }

    @Test
    void theKeyIsRedactedFromContentsHeadersAndQueries() throws Exception {
        try (NexorSandbox s = NexorSandbox.builder().apiKey("nxr_live_s3cret").start()) {
            String key = s.apiKey();
            RawHttp.post(s, "/messages", key, message(DEMO_LEAD_ANA, DEMO_WORKFLOW, "whatsapp",
                    "\"content\":\"my key is " + key + "\""), "Authorization", "Bearer " + key, "X-Note", key);
            RawHttp.get(s, "/templates?status=" + key, key);
            assertThat(s.messages()).singleElement().satisfies(m -> assertThat(m.content()).isEqualTo("my key is (redacted)"));
            assertThat(s.requests()).hasSize(2).allSatisfy(r -> assertThat(r.toString()).doesNotContain(key));
            assertThat(RawHttp.inspect(s, "/sandbox/requests")).doesNotContain(key).contains("(valid key)");
            assertThat(RawHttp.inspect(s, "/sandbox/messages")).doesNotContain(key);
            assertThat(RawHttp.inspect(s, "/")).doesNotContain(key).contains("my key is (redacted)");
        }
    }

    @Test
    void theDataFileIsCheckedWithTheClientsRules(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"leads\":[{\"id\":\"lead-1\",\"name\":\"Eva\"}]}");
        assertThatThrownBy(() -> SandboxDirectory.seeded().load(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("lead_id").hasMessageContaining("UUID");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"leads\":[");
        assertThatThrownBy(() -> SandboxDirectory.seeded().load(broken)).hasMessageContaining("not valid JSON");

        Path good = dir.resolve("good.json");
        Files.writeString(good, "{\"leads\":[{\"id\":\"11111111-2222-4333-8444-555555555555\",\"phone\":\"+1\","
                + "\"in_whatsapp_window\":false}]}");
        SandboxDirectory d = SandboxDirectory.seeded().load(good);
        assertThat(d.lead("11111111-2222-4333-8444-555555555555").inWhatsappWindow()).isFalse();
        assertThatThrownBy(() -> d.whatsappWindow("11111111-0000-4333-8444-555555555555", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> NexorSandbox.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NexorSandbox.builder().apiKey(" k ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NexorSandbox.builder().maxMessages(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NexorSandbox.builder().rateLimit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NexorSandbox.builder().requestTimeout(Duration.ZERO))
                .hasMessage("requestTimeout must be more than 0, e.g. 10 s; got PT0S");
        assertThatThrownBy(() -> NexorSandbox.builder().requestTimeout(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NexorSandbox.builder().maxBodiesInFlight(0))
                .hasMessage("maxBodiesInFlight must be 1 to 512 (keep it below threads), got 0");
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.5}) {
            assertThatThrownBy(() -> NexorSandbox.builder().rateLimit(bad)).as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rate limit must be a finite number of requests per second, 0 or more (0 = no limit),"
                            + " got " + bad);
        }
    }
}
