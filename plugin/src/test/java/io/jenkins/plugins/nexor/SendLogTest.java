package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nexor.client.MessageResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's send log on its own (no Jenkins): what is written is read back, a send without an outcome reads as
 * may-have-been-sent, a damaged or cut file loses only its damaged lines, concurrent writers never mix lines, and
 * nothing shaped like a key reaches the file.
 */
class SendLogTest {
    private static final String LEAD = "0b6e0c1e-7d2b-4c77-9d5f-3c1f5a0d2e11";
    private static final String WORKFLOW = "7f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    private static final String IN_FLIGHT = "in flight";

    @TempDir
    Path dir;

    @Test
    void aSentMessageReadsBackAsItWasRecorded() throws Exception {
        SendLog log = new SendLog(dir);
        log.sending(1, 1_000L, "whatsapp", LEAD, WORKFLOW, true);
        NexorSendResult sent = NexorSendResult.sent(
                "whatsapp",
                new MessageResult(true, "whatsapp", "text", "msg_1", "wamid.A,B", null, null, null),
                List.of("subject is ignored, for \"whatsapp\"", "second\nwarning"));
        log.outcome(new SentMessage(1, 2_000L, "whatsapp", LEAD, WORKFLOW, sent));

        List<SentMessage> read = log.read(() -> IN_FLIGHT);

        assertThat(read).singleElement().satisfies(m -> {
            assertThat(m.seq()).isEqualTo(1);
            assertThat(m.getTime()).isEqualTo(2_000L);
            assertThat(m.getChannel()).isEqualTo("whatsapp");
            assertThat(m.getLeadId()).isEqualTo(LEAD);
            assertThat(m.getWorkflowId()).isEqualTo(WORKFLOW);
            NexorSendResult r = m.getResult();
            assertThat(r.isSuccess()).isTrue();
            assertThat(r.getType()).isEqualTo("text");
            assertThat(r.getMessageId()).isEqualTo("msg_1");
            assertThat(r.getProviderMessageId()).isEqualTo("wamid.A,B");
            assertThat(r.getActivityId()).isNull();
            assertThat(r.getWarnings()).containsExactly("subject is ignored, for \"whatsapp\"", "second warning");
        });
        List<String> lines = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3).first().isEqualTo(SendLog.HEADER);
        assertThat(lines.get(1)).startsWith("SENDING,1,1970-01-01T00:00:01Z,whatsapp,");
        assertThat(lines.get(2)).startsWith("SENT,1,1970-01-01T00:00:02Z,whatsapp,");
    }

    @Test
    void aFailureKeepsItsReasonOnOneLineAndWhetherItMayHaveBeenSent() throws Exception {
        SendLog log = new SendLog(dir);
        log.sending(1, 1_000L, "call", LEAD, WORKFLOW, false);
        log.outcome(new SentMessage(
                1,
                2_000L,
                "call",
                LEAD,
                WORKFLOW,
                NexorSendResult.failed("call", List.of(), "refused:\r\n\u001b[31mno", false)));

        SentMessage m = log.read(() -> IN_FLIGHT).get(0);

        assertThat(m.getResult().isSuccess()).isFalse();
        assertThat(m.getResult().isMayHaveBeenSent()).isFalse();
        assertThat(m.getResult().getError()).isEqualTo("refused:  \\u001b[31mno");
        assertThat(Files.readAllLines(log.file(), StandardCharsets.UTF_8)).hasSize(3);
    }

    @Test
    void aSendWithoutOutcomeMayHaveBeenSent() throws Exception {
        SendLog log = new SendLog(dir);
        log.sending(1, 1_000L, "email", LEAD, WORKFLOW, true);

        assertThat(log.read(() -> IN_FLIGHT)).singleElement().satisfies(m -> {
            assertThat(m.seq()).isEqualTo(1);
            assertThat(m.getTime()).isEqualTo(1_000L);
            assertThat(m.getChannel()).isEqualTo("email");
            assertThat(m.getLeadId()).isEqualTo(LEAD);
            assertThat(m.getResult().isSuccess()).isFalse();
            assertThat(m.getResult().isMayHaveBeenSent()).isTrue();
            assertThat(m.getResult().getError()).isEqualTo(IN_FLIGHT);
        });
    }

    @Test
    void aLineCutShortIsIgnoredAndTheNextWriterStartsOnANewLine() throws Exception {
        SendLog before = new SendLog(dir);
        before.sending(1, 1_000L, "call", LEAD, WORKFLOW, true);
        before.outcome(new SentMessage(
                1, 1_500L, "call", LEAD, WORKFLOW, NexorSendResult.failed("call", List.of(), "x", false)));
        before.sending(2, 2_000L, "call", LEAD, WORKFLOW, true);
        Files.writeString(before.file(), "SENT,2,1970-01-01T00:00:0", StandardOpenOption.APPEND); // a power cut

        SendLog after = new SendLog(dir); // the same build after a restart
        assertThat(after.read(() -> IN_FLIGHT))
                .extracting(m -> m.seq() + ":" + m.getResult().getError())
                .containsExactly("1:x", "2:" + IN_FLIGHT);
        after.sending(3, 3_000L, "call", LEAD, WORKFLOW, true);
        after.outcome(new SentMessage(
                3, 3_500L, "call", LEAD, WORKFLOW, NexorSendResult.failed("call", List.of(), "y", true)));

        assertThat(after.read(() -> IN_FLIGHT))
                .extracting(m -> m.seq() + ":" + m.getResult().getError())
                .containsExactly("1:x", "2:" + IN_FLIGHT, "3:y");
    }

    @Test
    void damagedLinesAreSkippedAndTheOthersRead() throws Exception {
        SendLog log = new SendLog(dir);
        log.sending(1, 1_000L, "call", LEAD, WORKFLOW, false);
        Files.write(log.file(), new byte[] {0, 0, 0, 0, '\n'}, StandardOpenOption.APPEND);
        Files.writeString(
                log.file(),
                "FAILED,\"2,unclosed\nSENT,x,y\nSENT,2,,call\nSENT,2,tomorrow,call\n",
                StandardOpenOption.APPEND);
        log.sending(3, 3_000L, "call", LEAD, WORKFLOW, false);

        assertThat(log.read(() -> IN_FLIGHT)).extracting(SentMessage::seq).containsExactly(1, 3);
    }

    @Test
    void noFileListsNothing() throws Exception {
        assertThat(new SendLog(dir).read(() -> IN_FLIGHT)).isEmpty();
    }

    @Test
    void nothingShapedLikeAKeyReachesTheFile() throws Exception {
        SendLog log = new SendLog(dir);
        log.sending(1, 1_000L, "call", LEAD, WORKFLOW, false);
        log.outcome(new SentMessage(
                1,
                2_000L,
                "call",
                LEAD,
                WORKFLOW,
                NexorSendResult.failed("call", List.of("nxr_test_warned"), "echoed nxr_live_secret123 back", true)));

        assertThat(Files.readString(log.file(), StandardCharsets.UTF_8))
                .doesNotContain("nxr_live_secret123")
                .doesNotContain("nxr_test_warned")
                .contains("nxr_…(redacted)");
    }

    @Test
    void concurrentWritersNeverMixTheirLines() throws Exception {
        SendLog log = new SendLog(dir);
        int threads = 8;
        int each = 200;
        AtomicInteger seq = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                        try {
                            for (int i = 0; i < each; i++) {
                                int n = seq.incrementAndGet();
                                String lead = new UUID(7, n).toString();
                                log.sending(n, n, "call", lead, WORKFLOW, n % 10 == 0);
                                log.outcome(new SentMessage(
                                        n,
                                        n,
                                        "call",
                                        lead,
                                        WORKFLOW,
                                        NexorSendResult.failed("call", List.of(), "e" + n, false)));
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        } finally {
                            done.countDown();
                        }
                    })
                    .start();
        }
        assertThat(done.await(2, TimeUnit.MINUTES)).isTrue();
        assertThat(failures).isEmpty();

        List<SentMessage> read = log.read(() -> IN_FLIGHT);
        assertThat(read).hasSize(threads * each);
        assertThat(read).allSatisfy(m -> {
            assertThat(m.getLeadId()).isEqualTo(new UUID(7, m.seq()).toString());
            assertThat(m.getResult().getError()).isEqualTo("e" + m.seq());
        });
        assertThat(Files.readAllLines(log.file(), StandardCharsets.UTF_8)).hasSize(1 + 2 * threads * each);
    }
}
