package io.jenkins.plugins.nexor.cli;

import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_LEAD_ANA;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_LEAD_CARLA;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_LEAD_DIEGO;
import static io.jenkins.plugins.nexor.sandbox.SandboxDirectory.DEMO_WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nexor.sandbox.Fault;
import io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 in {@code send-bulk}: what every lead shares is checked once, before the leads are read (without refusing
 * a run whose columns give what the options lack), and a run that Nexor asked to wait longer than it waits says so
 * and exits as rate limited. In-process, against the sandbox.
 */
class BulkWordsTest {
    @RegisterExtension
    static final NexorSandboxExtension nexor = new NexorSandboxExtension();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NexorCli.run(Map.of("NEXOR_API_KEY", nexor.sandbox().apiKey(), "NEXOR_BASE_URL",
                nexor.sandbox().baseUrl()), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private Path manyLeads(int count) throws Exception {
        StringBuilder csv = new StringBuilder("lead_id\n");
        for (int i = 0; i < count; i++) {
            csv.append(new UUID(0x77, i)).append('\n');
        }
        return file("leads.csv", csv.toString());
    }

    @Test
    void aMissingChannelIsOneErrorBeforeTheLeadsAreRead() throws Exception {
        Path leads = manyLeads(2000);
        assertThat(run("send-bulk", "--leads", leads.toString(), "--workflow", DEMO_WORKFLOW, "--content", "Hola"))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString().lines()).containsExactly("error: --channel is required: whatsapp, email or call.",
                "error: nothing was sent: every lead of " + leads + " shares the options above, so no lead could be "
                        + "sent.");
        assertThat(out.toString()).as("no results: no lead was read").isEmpty();
        assertThat(dir.resolve("leads.record.csv")).as("no record of a run that did not start").doesNotExist();
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    @Test
    void aMissingWorkflowAndABadTemplateAreTooAndNoLeadIsSkippedForThem() throws Exception {
        Path leads = manyLeads(500);
        assertThat(run("send-bulk", "--leads", leads.toString(), "--channel", "whatsapp", "--template", "plantilla"))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).startsWith("error: --workflow is required: the UUID of the workflow")
                .contains("error: --template must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a, but it is "
                        + "\"plantilla\".")
                .doesNotContain("row ").doesNotContain("workflowId").doesNotContain("templateId");
        assertThat(err.toString().lines()).hasSize(3);
    }

    @Test
    void textTheFileHasNoColumnForIsRequiredUpFront() throws Exception {
        Path leads = manyLeads(100);
        assertThat(run("send-bulk", "--leads", leads.toString(), "--workflow", DEMO_WORKFLOW, "--channel",
                "whatsapp")).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).startsWith("error: A WhatsApp message needs --content (free text) or --template "
                + "(an approved template).").contains("a column of the file can also give each lead its own content");
        assertThat(nexor.sandbox().requests()).isEmpty();
    }

    /** Spanish Excel: a byte-order mark, semicolons, a content column; one lead's cell is empty. */
    @Test
    void aContentColumnGivesWhatTheOptionsLackAndOnlyAnEmptyCellIsSkipped() throws Exception {
        Path leads = file("clientes.csv", "\uFEFFlead_id;content\r\n" + DEMO_LEAD_ANA + ";Hola Ana\r\n"
                + DEMO_LEAD_DIEGO + ";\r\n");
        assertThat(run("send-bulk", "--leads", leads.toString(), "--workflow", DEMO_WORKFLOW, "--channel",
                "whatsapp")).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(err.toString()).contains("row 2 skipped: A WhatsApp message needs content (free text) or "
                + "--template (an approved template). (line 3 of the file)").doesNotContain("templateId");
        assertThat(nexor.sandbox().messages()).extracting(m -> m.content()).containsExactly("Hola Ana");
    }

    @Test
    void anHtmlColumnOrAJsonFileCanGiveAnEmailItsBody() throws Exception {
        Path csv = file("mails.csv", "lead_id,html\n" + DEMO_LEAD_CARLA + ",<p>Hola Carla</p>\n");
        assertThat(run("send-bulk", "--leads", csv.toString(), "--workflow", DEMO_WORKFLOW, "--channel", "email"))
                .as(err.toString()).isZero();
        Path json = file("mails-2.json", "[{\"lead_id\": \"" + DEMO_LEAD_ANA + "\", \"content\": \"Hola Ana\"}]");
        assertThat(run("send-bulk", "--leads", json.toString(), "--workflow", DEMO_WORKFLOW, "--channel", "email"))
                .as(err.toString()).isZero();
        assertThat(nexor.sandbox().messages()).hasSize(2);
    }

    @Test
    void aRunNexorAskedToWaitLongerThanItWaitsSaysSoAndExitsAsRateLimited() throws Exception {
        Path leads = file("leads.csv", "lead_id\n" + DEMO_LEAD_ANA + "\n" + DEMO_LEAD_DIEGO + "\n");
        nexor.sandbox().failNext(5, Fault.rateLimited(120));
        assertThat(run("send-bulk", "--leads", leads.toString(), "--workflow", DEMO_WORKFLOW, "--channel",
                "whatsapp", "--content", "Hola", "--concurrency", "1")).isEqualTo(ExitCodes.RATE_LIMITED);
        assertThat(err.toString()).contains("stopped: Nexor asked to wait 2 min before more requests, longer than a "
                + "run waits; no new sends after that. Resume later (in 2 min or more) with --resume "
                + dir.resolve("leads.record.csv").toAbsolutePath() + ".")
                .doesNotContain("progress: 2/2");
    }
}
