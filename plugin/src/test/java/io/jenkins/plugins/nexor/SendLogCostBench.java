package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.io.xml.PrettyPrintWriter;
import io.jenkins.plugins.nexor.client.MessageResult;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bench harness (issue 14), not part of the normal test run and without Jenkins: the disk and serialization work of
 * {@code SENDS} single sends, done the way the plugin did it before (the build record rewritten per send, with the
 * system calls of Jenkins' {@code XmlFile.write}/{@code AtomicFileWriter}: a temporary file, 4 KiB writes, fsync,
 * atomic rename, fsync of the directory; the Nexor action pretty-printed by XStream beside a fixed 3 KiB for the rest
 * of {@code build.xml}) against the send log ({@link SendLog}) with each policy, plus the one save before the first
 * send; rounds alternate in one JVM, medians after a warm-up. It measures the disk it runs on ({@code java.io.tmpdir}).
 * {@code mvn -pl plugin -am verify -Dtest=SendLogCostBench -DexcludedGroups= -Dgroups=benchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dsends=1000} for longer builds).
 */
@Tag("benchmark")
class SendLogCostBench {
    private static final int SENDS = Integer.getInteger("sends", 100);
    private static final int ROUNDS = Integer.getInteger("rounds", 15);
    private static final String LEAD = "0b6e0c1e-7d2b-4c77-9d5f-3c1f5a0d2e11";
    private static final String WORKFLOW = "7f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b";

    /** The persisted fields of {@link NexorSendAction} (XStream2 writes its copy-on-write lists as lists). */
    static final class ActionFields {
        final List<SentMessage> messages = new ArrayList<>();
        final List<Object> bulkSends = new ArrayList<>();
    }

    @TempDir
    Path dir;

    @Test
    void buildRecordPerSendAgainstTheSendLog() throws Exception {
        byte[] rest = new byte[3 * 1024];
        Arrays.fill(rest, (byte) ' ');
        XStream xs = new XStream();
        NexorSendResult sent = NexorSendResult.sent(
                "call",
                new MessageResult(true, "call", null, "msg_0123456789abcdef", null, null, "call_0123", "registered"),
                List.of());
        List<Long> before = new ArrayList<>();
        List<Long> disk = new ArrayList<>();
        List<Long> os = new ArrayList<>();
        for (int round = -3; round < ROUNDS; round++) {
            Path b = Files.createDirectories(dir.resolve("before" + round));
            long start = System.nanoTime();
            ActionFields action = new ActionFields();
            for (int i = 1; i <= SENDS; i++) {
                action.messages.add(new SentMessage(i, System.currentTimeMillis(), "call", LEAD, WORKFLOW, sent));
                StringWriter xml = new StringWriter();
                xs.marshal(action, new PrettyPrintWriter(xml));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.write(rest);
                bytes.write(xml.toString().getBytes(StandardCharsets.UTF_8));
                rewrite(b.resolve("build.xml"), bytes.toByteArray());
            }
            long rewriting = System.nanoTime() - start;
            for (boolean sync : new boolean[] {true, false}) {
                Path d = Files.createDirectories(dir.resolve((sync ? "disk" : "os") + round));
                start = System.nanoTime();
                rewrite(d.resolve("build.xml"), rest); // the one save, before the build's first send
                SendLog log = new SendLog(d);
                for (int i = 1; i <= SENDS; i++) {
                    log.sending(i, System.currentTimeMillis(), "call", LEAD, WORKFLOW, sync);
                    log.outcome(new SentMessage(i, System.currentTimeMillis(), "call", LEAD, WORKFLOW, sent));
                }
                if (round >= 0) {
                    (sync ? disk : os).add(System.nanoTime() - start);
                }
            }
            if (round >= 0) {
                before.add(rewriting);
            }
        }
        System.out.printf(
                "%d sends, disk and serialization work per send: build record rewritten %.0f us, send log with fsync"
                        + " %.0f us, send log OS only %.0f us; build.xml %d bytes, send log %d bytes%n",
                SENDS,
                median(before) / 1e3 / SENDS,
                median(disk) / 1e3 / SENDS,
                median(os) / 1e3 / SENDS,
                Files.size(dir.resolve("before0").resolve("build.xml")),
                Files.size(dir.resolve("disk0").resolve(SendLog.FILE)));
        assertThat(new SendLog(dir.resolve("disk0")).read(() -> "x")).hasSize(SENDS);
    }

    /** The system calls of {@code XmlFile.write} with {@code AtomicFileWriter} (this code is not Jenkins'). */
    private static void rewrite(Path dest, byte[] content) throws IOException {
        Path tmp = File.createTempFile(
                        dest.getFileName() + "-atomic", "tmp", dest.getParent().toFile())
                .toPath();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            for (int off = 0; off < content.length; off += 4096) {
                ch.write(ByteBuffer.wrap(content, off, Math.min(4096, content.length - off)));
            }
            ch.force(true);
        }
        Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel parent = FileChannel.open(dest.getParent())) {
            parent.force(true);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
