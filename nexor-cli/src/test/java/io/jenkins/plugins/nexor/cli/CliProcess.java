package io.jenkins.plugins.nexor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nexor.sandbox.NexorSandbox;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code nexor} as a real child process ({@code java -cp <the test classpath> NexorCli ...}), so that it can be
 * sent real signals: its stdout and stderr collected as they come (or stdout left to the test, or redirected).
 */
final class CliProcess {
    private final Process process;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(); // its methods are synchronized
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Thread> drains = new ArrayList<>();

    private CliProcess(Process process, boolean drainStdout) {
        this.process = process;
        if (drainStdout) {
            drains.add(drain(process.getInputStream(), out));
        }
        drains.add(drain(process.getErrorStream(), err));
    }

    /** How to start one. */
    static final class Builder {
        private final List<String> args;
        private NexorSandbox sandbox;
        private File stdout;
        private boolean stdoutToTest;
        private int fileSizeLimitKiB;

        private Builder(String... args) {
            this.args = List.of(args);
        }

        /** NEXOR_API_KEY and NEXOR_BASE_URL of this sandbox. */
        Builder against(NexorSandbox sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        /** stdout to a file, e.g. /dev/full. */
        Builder stdoutTo(File file) {
            this.stdout = file;
            return this;
        }

        /** The test reads (and may close) {@link #stdout()} itself. */
        Builder stdoutToTest() {
            this.stdoutToTest = true;
            return this;
        }

        /** {@code ulimit -f}: files the process writes cannot grow past this (pipes are not limited). */
        Builder fileSizeLimitKiB(int kib) {
            this.fileSizeLimitKiB = kib;
            return this;
        }

        CliProcess start() throws IOException {
            List<String> command = new ArrayList<>();
            if (fileSizeLimitKiB > 0) { // HotSpot ignores SIGXFSZ: the write fails with "File too large"
                command.addAll(List.of("bash", "-c", "ulimit -f " + fileSizeLimitKiB + " && exec \"$0\" \"$@\""));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                    "-cp", System.getProperty("java.class.path"), NexorCli.class.getName()));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().remove("NEXOR_API_KEY");
            pb.environment().remove("NEXOR_BASE_URL");
            if (sandbox != null) {
                pb.environment().put("NEXOR_API_KEY", sandbox.apiKey());
                pb.environment().put("NEXOR_BASE_URL", sandbox.baseUrl());
            }
            if (stdout != null) {
                pb.redirectOutput(stdout);
            }
            return new CliProcess(pb.start(), stdout == null && !stdoutToTest);
        }
    }

    static Builder nexor(String... args) {
        return new Builder(args);
    }

    /** The child's stdout, for a test that reads it itself. */
    InputStream stdout() {
        return process.getInputStream();
    }

    /**
     * Sends a signal by name (INT, TERM, KILL) with kill(1), as a terminal or a CI runner would. Not
     * {@link Process#destroy()}: it sends SIGTERM but also closes this side of the child's stdout and stderr, so
     * the child's last lines would be lost (and its writes fail) as they never are for a user.
     */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + name).isZero();
    }

    /** Waits for the exit (a deadline, not a timing assertion) and for the output to be read; the exit code. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("nexor did not exit within 90 s; stderr so far:\n" + err());
        }
        for (Thread t : drains) {
            t.join(10_000);
        }
        return process.exitValue();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Polls until the condition holds; fails after a generous deadline (CI machines can be slow). */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 60 s for: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** True when this JVM ignores SIGINT (started in the background without job control): its children would too. */
    static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream into) {
        Thread t = new Thread(() -> {
            try (in) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    into.write(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "nexor-child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
