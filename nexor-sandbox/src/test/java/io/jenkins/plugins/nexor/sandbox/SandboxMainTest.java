package io.jenkins.plugins.nexor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: options, data file, banner, help. */
class SandboxMainTest {

    @Test
    void optionsStartASandboxWithThemAndTheBannerSaysHowToUseIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.json");
        Files.writeString(data, """
                {"leads":[{"id":"11111111-2222-4333-8444-555555555555","name":"Eva","phone":"+34999","inWhatsappWindow":false}],
                 "workflows":[{"id":"66666666-7777-4888-9999-000000000000","name":"Citas"}]}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NexorSandbox s = SandboxMain.parse(new String[] {"--port", "0", "--api-key", "nxr_live_other", "--data",
                data.toString(), "--latency", "5ms", "--max-messages", "10"}, new PrintStream(out))) {
            assertThat(s.apiKey()).isEqualTo("nxr_live_other");
            assertThat(s.directory().lead("11111111-2222-4333-8444-555555555555").name()).isEqualTo("Eva");
            assertThat(s.directory().workflow("66666666-7777-4888-9999-000000000000").name()).isEqualTo("Citas");
            assertThat(s.directory().lead(SandboxDirectory.DEMO_LEAD_ANA)).isNotNull(); // seeds stay
            SandboxMain.printBanner(s, new PrintStream(out));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("API base URL : http://127.0.0.1:")
                .contains("curl -s -X POST").contains(SandboxDirectory.DEMO_LEAD_ANA)
                .contains("API key      : nxr_live_other")
                .contains("lead      11111111-2222-4333-8444-555555555555  Eva (call, whatsapp templates only)")
                .contains("lead      " + SandboxDirectory.DEMO_LEAD_CARLA + "  Carla Méndez (email)")
                .contains("workflow  66666666-7777-4888-9999-000000000000  Citas")
                .contains("template  " + SandboxDirectory.DEMO_TEMPLATE + "  pedido_enviado (APPROVED)");
    }

    @Test
    void aFractionalRateLimitAndAFaultAreAccepted() throws Exception {
        try (NexorSandbox s = SandboxMain.parse(new String[] {"--port", "0", "--rate-limit", "0.5", "--fault",
                "status=503"}, System.out)) {
            assertThat(RawHttp.get(s, "/workflows", s.apiKey()).statusCode()).isEqualTo(503);
            assertThat(RawHttp.get(s, "/workflows", s.apiKey()).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void helpListsEveryOption() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(SandboxMain.parse(new String[] {"--help"}, new PrintStream(out))).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--api-key", "--latency", "--rate-limit",
                "--fault", "--data", "--accept-any-lead", "--max-messages", "--request-timeout");
    }

    @Test
    void badOptionsAreExplained() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--bogus"}, System.out))
                .hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port"}, System.out))
                .hasMessage("--port needs a value");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--fault", "boom"}, System.out))
                .hasMessageContaining("unknown fault \"boom\"");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--rate-limit", "lots"}, System.out))
                .hasMessage("--rate-limit needs requests per second: a number of 0 or more such as 20 or 0.5"
                        + " (0 = no limit), got \"lots\"");
        assertThat(SandboxMain.duration("--latency", "50ms")).isEqualTo(Duration.ofMillis(50));
        assertThat(SandboxMain.duration("--latency", "1.5s")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aRateLimitThatIsNotAFiniteNumberOfZeroOrMoreIsRefusedNamingTheOption() {
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "-1", "-0.5", "1e999"}) {
            assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "0", "--rate-limit", bad}, System.out))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--rate-limit needs requests per second: a number of 0 or more such as 20 or 0.5"
                            + " (0 = no limit), got \"" + bad + "\"");
        }
    }

    @Test
    void theRequestTimeoutIsAnOptionAndMustBeMoreThanZero() throws Exception {
        try (NexorSandbox s = SandboxMain.parse(new String[] {"--port", "0", "--request-timeout", "300ms"},
                System.out); java.net.Socket slow = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(),
                        s.port())) {
            slow.getOutputStream().write("GET /api/public/workflows HTTP/1.1\r\nHost: x\r\n".getBytes(
                    StandardCharsets.UTF_8)); // headers that never end: cut 300 ms (+ the 500 ms grace) later
            slow.setSoTimeout(5000);
            long start = System.nanoTime();
            assertThat(slow.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        for (String bad : new String[] {"0", "0s", "-1s", "NaNs", "later"}) {
            assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "0", "--request-timeout", bad},
                    System.out)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--request-timeout needs a duration of more than 0 such as 10s or 500ms, got \""
                            + bad + "\"");
        }
    }

    @Test
    void aLatencyThatIsNotAFiniteDurationOfZeroOrMoreIsRefusedNamingTheOption() {
        for (String bad : new String[] {"NaNs", "Infinitys", "-5ms", "-1s", "-3", "1e999s", "soon"}) {
            assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "0", "--latency", bad}, System.out))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--latency needs a duration of 0 or more such as 50ms, 2s or 1.5s, got \"" + bad + "\"");
        }
    }
}
