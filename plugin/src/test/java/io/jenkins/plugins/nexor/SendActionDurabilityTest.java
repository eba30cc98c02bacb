package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.model.Run;
import hudson.util.StreamTaskListener;
import hudson.util.XStream2;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.LogRecorder;

/**
 * The build record keeps every send: sends recorded on several threads while the build record is written on others
 * (as a Pipeline writes {@code build.xml}) are all in it after a reload, the record is on disk when {@code nexorSend}
 * returns, and build records written when the lists were {@code ArrayList}s (and bulk sends had no record) still
 * load.
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
    void aSendIsInTheBuildRecordOnDiskWhenTheStepReturns() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
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
        String onDisk = Files.readString(b.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8);
        assertThat(onDisk).contains("io.jenkins.plugins.nexor.SentMessage").contains(messageId);
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
    }

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
