package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.model.Run;
import hudson.util.StreamTaskListener;
import hudson.util.XStream2;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.LogRecorder;

/**
 * The build page keeps every send: sends recorded on several threads while the build record is written on others (as
 * a Pipeline writes {@code build.xml}) are all listed after a reload; a send is on disk when {@code nexorSend} returns
 * (in the build's send log, without rewriting {@code build.xml}); a send that was in flight when Jenkins stopped is
 * listed as one that may have been sent; the key is in no file of the build; and build records written when the
 * lists were {@code ArrayList}s (and bulk sends had no record) still load.
 */
class SendActionDurabilityTest extends SandboxedJenkinsTest {
    private static final int THREADS = 4;
    private static final int SENDS_PER_THREAD = 75;

    @Test
    void sendsRecordedWhileTheBuildRecordIsWrittenElsewhereAreAllKeptAndNothingFailsToSerialize() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "race");
        p.setDefinition(new CpsFlowDefinition("echo 'no sends'", true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        NexorSendAction action = NexorSendAction.of(b);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        StreamTaskListener listener = new StreamTaskListener(console, StandardCharsets.UTF_8);
        Queue<Throwable> saveFailures = new ConcurrentLinkedQueue<>();
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < THREADS * SENDS_PER_THREAD; i++) {
            leads.add(new UUID(0x5151, i).toString());
        }

        try (LogRecorder logs = new LogRecorder()
                .quiet()
                .record(WorkflowRun.class, Level.WARNING)
                .record("hudson", Level.WARNING)
                .capture(1000)) {
            AtomicBoolean adding = new AtomicBoolean(true);
            Thread saver = new Thread(
                    () -> { // the build record written over and over on another thread
                        while (adding.get()) {
                            try {
                                b.save();
                            } catch (Throwable t) {
                                saveFailures.add(t);
                            }
                        }
                    });
            saver.start();
            CountDownLatch done = new CountDownLatch(THREADS);
            for (int t = 0; t < THREADS; t++) {
                List<String> mine = leads.subList(t * SENDS_PER_THREAD, (t + 1) * SENDS_PER_THREAD);
                new Thread(() -> {
                            for (String lead : mine) {
                                action.record(
                                        new SentMessage(
                                                System.currentTimeMillis(),
                                                "call",
                                                lead,
                                                nexor.workflow(),
                                                NexorSendResult.failed("call", List.of(), "x", false)),
                                        listener);
                            }
                            done.countDown();
                        })
                        .start();
            }
            assertThat(done.await(5, TimeUnit.MINUTES)).isTrue();
            adding.set(false);
            saver.join();

            assertThat(saveFailures).isEmpty();
            assertThat(logs.getMessages())
                    .noneMatch(m -> m.contains("NexorSendAction") || m.contains("ConcurrentModification"));
            assertThat(logs.getRecords())
                    .noneMatch(r -> r.getThrown() != null
                            && String.valueOf(r.getThrown().getMessage()).contains("NexorSendAction"));
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("could not be saved");

        j.jenkins.reload();
        WorkflowRun reloaded =
                j.jenkins.getItemByFullName("race", WorkflowJob.class).getBuildByNumber(1);
        assertThat(reloaded).isNotSameAs(b);
        assertThat(reloaded.getAction(NexorSendAction.class).getMessages())
                .extracting(SentMessage::getLeadId)
                .containsExactlyInAnyOrderElementsOf(leads);
    }

    @Test
    void aSendIsOnDiskWhenTheStepReturnsThoughTheBuildRecordIsNotRewritten() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "durable");
        p.setDefinition(new CpsFlowDefinition("""
            def r = nexorSend leadId: '%s', workflowId: '%s', channel: 'call'
            echo "sent ${r.messageId}"
            sleep 600
            """.formatted(nexor.lead(), nexor.workflow()), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("sent ", b);
        String messageId = b.getAction(NexorSendAction.class)
                .getMessages()
                .get(0)
                .getResult()
                .getMessageId();

        // what a reload would read now: the action as build.xml holds it (saved once, before the first send;
        // whether with this send or not), then the send log of the build directory
        Path dir = b.getRootDir().toPath();
        String buildXml = Files.readString(dir.resolve("build.xml"), StandardCharsets.UTF_8);
        Matcher saved = ACTION_XML.matcher(buildXml);
        assertThat(saved.find()).as("build.xml holds the Nexor action").isTrue();
        NexorSendAction fromDisk = (NexorSendAction) Run.XSTREAM2.fromXML(saved.group());
        fromDisk.onLoad(b);
        assertThat(fromDisk.getMessages()).singleElement().satisfies(m -> {
            assertThat(m.getLeadId()).isEqualTo(nexor.lead());
            assertThat(m.getResult().isSuccess()).isTrue();
            assertThat(m.getResult().getMessageId()).isEqualTo(messageId);
        });
        assertThat(Files.readString(dir.resolve(SendLog.FILE), StandardCharsets.UTF_8))
                .startsWith(SendLog.HEADER)
                .contains("SENDING,1,")
                .contains("SENT,1,")
                .contains(messageId);

        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.waitUntilNoActivity(); // the build's last save is done
        j.jenkins.reload(); // build.xml now has the send too: listed once
        WorkflowRun reloaded =
                j.jenkins.getItemByFullName("durable", WorkflowJob.class).getBuildByNumber(1);
        assertThat(reloaded.getAction(NexorSendAction.class).getMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.getResult().getMessageId()).isEqualTo(messageId));
    }

    @Test
    void aSendInFlightWhenJenkinsStoppedIsListedAsOneThatMayHaveBeenSent() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "crashed");
        p.setDefinition(new CpsFlowDefinition(
                "nexorSend leadId: '%s', workflowId: '%s', channel: 'call'".formatted(nexor.lead(), nexor.workflow()),
                true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.waitUntilNoActivity();
        // what a controller that died during a second send leaves: its SENDING line, no outcome, build.xml without it
        long sending = System.currentTimeMillis();
        new SendLog(b.getRootDir().toPath()).sending(2, sending, "whatsapp", nexor.lead(), nexor.workflow(), true);

        j.jenkins.reload();
        WorkflowRun reloaded =
                j.jenkins.getItemByFullName("crashed", WorkflowJob.class).getBuildByNumber(1);
        List<SentMessage> listed = reloaded.getAction(NexorSendAction.class).getMessages();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).getResult().isSuccess()).isTrue();
        assertThat(listed.get(1)).satisfies(m -> {
            assertThat(m.getChannel()).isEqualTo("whatsapp");
            assertThat(m.getLeadId()).isEqualTo(nexor.lead());
            assertThat(m.getTime()).isEqualTo(sending);
            assertThat(m.getResult().isSuccess()).isFalse();
            assertThat(m.getResult().isMayHaveBeenSent()).isTrue();
            assertThat(m.getResult().getError()).isEqualTo(Messages.SendLog_inFlight());
        });
        String page = j.createWebClient().getPage(reloaded).asNormalizedText();
        assertThat(page).contains("Nexor: 2 messages, 1 sent").contains(Messages.SendLog_inFlight());

        reloaded.save(); // build.xml now lists it too: still once after another reload
        j.jenkins.reload();
        assertThat(j.jenkins
                        .getItemByFullName("crashed", WorkflowJob.class)
                        .getBuildByNumber(1)
                        .getAction(NexorSendAction.class)
                        .getMessages())
                .hasSize(2);
    }

    @Test
    void theKeyIsInNoFileOfTheBuild() throws Exception {
        WorkflowRun b = nexor.pipeline("""
            nexorSend leadId: '%s', workflowId: '%s', channel: 'whatsapp', content: 'Hola'
            nexorSend leadId: '%s', workflowId: '%s', channel: 'call'
            nexorSend leadId: '%s', workflowId: '%s', channel: 'call', onFailure: 'continue'
            """.formatted(
                nexor.lead(), nexor.workflow(), nexor.lead(), nexor.workflow(), UUID.randomUUID(), nexor.workflow()));
        j.assertBuildStatusSuccess(b);
        j.waitUntilNoActivity(); // the build's files are final
        assertThat(b.getRootDir().toPath().resolve(SendLog.FILE)).exists();
        List<Path> files;
        try (Stream<Path> all = Files.walk(b.getRootDir().toPath())) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                    .as(f.toString())
                    .doesNotContain(nexor.key());
        }
    }

    /** The Nexor action's element in a build.xml. */
    private static final Pattern ACTION_XML = Pattern.compile(
            "<io\\.jenkins\\.plugins\\.nexor\\.NexorSendAction(?:\\s[^>]*)?(?:/>|>.*?</io\\.jenkins\\.plugins\\.nexor"
                    + "\\.NexorSendAction>)",
            Pattern.DOTALL);

    /** The action as it was before its lists became copy-on-write: what older build records hold. */
    static final class ArrayListForm {
        final List<SentMessage> messages = new ArrayList<>();
        final List<Object> bulkSends = new ArrayList<>();
    }

    /** A bulk send's summary as it was before bulk sends had a record (they had ended when it was written). */
    static final class SummaryWithoutRecord {
        final int number = 1;
        final long time = 1L;
        final String channel = "call";
        final int total = 2;
        final int sent = 1;
        final int notSentCount = 1;
        final ArrayList<NexorBulkEntry> notSent = new ArrayList<>();
        final String artifact = "nexor-bulk-1.csv";
    }

    @Test
    void buildRecordsWrittenWithArrayListsStillLoad() {
        ArrayListForm old = new ArrayListForm();
        old.messages.add(new SentMessage(
                1L, "call", nexor.lead(), nexor.workflow(), NexorSendResult.failed("call", List.of(), "x", true)));
        old.bulkSends.add(new SummaryWithoutRecord());
        XStream2 before = new XStream2();
        before.alias(NexorSendAction.class.getName(), ArrayListForm.class);
        before.alias(BulkSummary.class.getName(), SummaryWithoutRecord.class);
        String xml = before.toXML(old);
        assertThat(xml).contains("<messages>").contains("<bulkSends>").doesNotContain("class=");

        NexorSendAction loaded = (NexorSendAction) Run.XSTREAM2.fromXML(xml);

        assertThat(loaded.getMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.getLeadId()).isEqualTo(nexor.lead()));
        assertThat(loaded.getBulkSends()).singleElement().satisfies(s -> {
            assertThat(s.isRunning()).as("it had ended").isFalse();
            assertThat(s.isUnfinished()).isFalse();
            assertThat(s.getRecord()).isNull();
            assertThat(s.getSent()).isEqualTo(1);
            assertThat(s.getArtifact()).isEqualTo("nexor-bulk-1.csv");
            assertThat(s.getMayHaveBeenSent()).isZero();
        });
        assertThat(Run.XSTREAM2.toXML(loaded)).contains("<messages>").doesNotContain("class=");
    }
}
