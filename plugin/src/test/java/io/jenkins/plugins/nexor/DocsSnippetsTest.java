package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.ParametersDefinitionProperty;
import hudson.model.StringParameterDefinition;
import io.jenkins.plugins.nexor.sandbox.SandboxDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every Pipeline snippet of the README and docs/ runs, sandboxed, against nexor-sandbox (copy-paste divergence is a
 * bug). The snippets use the sandbox's seeded ids; the few variables they assume ({@code lead}, {@code wf},
 * {@code name}, {@code params.LEAD}, the files {@code mail.html} and {@code leads.csv}) are provided here.
 */
@WithJenkins
class DocsSnippetsTest {
    private static final Pattern GROOVY = Pattern.compile("```groovy\\n(.*?)```", Pattern.DOTALL);
    private static final String PREAMBLE = """
        def name = 'Ana'
        def lead = '%1$s'
        def lead1 = '%1$s'
        def lead2 = '%2$s'
        def wf = '%3$s'
        node {
          writeFile file: 'mail.html', text: '<p>Hola <b>Ana</b></p>'
          writeFile file: 'leads.csv', text: 'lead_id\\n%1$s\\n'
        }
        """.formatted(
                    SandboxDirectory.DEMO_LEAD_ANA, SandboxDirectory.DEMO_LEAD_BRUNO, SandboxDirectory.DEMO_WORKFLOW);

    static List<String> snippets() throws Exception {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (var docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> out = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = GROOVY.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                out.add(m.group(1).stripIndent());
            }
        }
        return out;
    }

    @Test
    void everyPipelineSnippetRunsAgainstTheSandbox(JenkinsRule j) throws Exception {
        List<String> snippets = snippets();
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(7); // README 1, pipeline.md 4, getting started EN + ES
        try (SandboxFixture nexor = SandboxFixture.start(j)) {
            int n = 0;
            for (String snippet : snippets) {
                WorkflowJob p = j.createProject(WorkflowJob.class, "snippet-" + ++n);
                p.addProperty(new ParametersDefinitionProperty(
                        new StringParameterDefinition("LEAD", SandboxDirectory.DEMO_LEAD_ANA)));
                String script = snippet.contains("pipeline {") ? snippet : PREAMBLE + snippet;
                p.setDefinition(new CpsFlowDefinition(script, true));
                int before = nexor.sandbox().messages().size();
                WorkflowRun b = j.buildAndAssertSuccess(p);
                assertThat(nexor.sandbox().messages().size())
                        .as("messages sent by snippet %d:%n%s", n, snippet)
                        .isGreaterThan(before);
                j.assertLogNotContains("[Nexor] warning", b);
            }
        }
    }
}
