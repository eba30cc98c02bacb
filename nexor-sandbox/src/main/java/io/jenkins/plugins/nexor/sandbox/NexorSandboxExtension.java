package io.jenkins.plugins.nexor.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5: one sandbox for a test class, started before all its tests, reset before each (requests, messages,
 * counts and faults; the directory stays), closed after all.
 * <pre>{@code
 * @RegisterExtension static final NexorSandboxExtension nexor =
 *         new NexorSandboxExtension(NexorSandbox.builder().latency(Duration.ofMillis(5)));
 * ... nexor.sandbox().baseUrl() ... nexor.sandbox().failNext(2, Fault.rateLimited(0)) ...
 * }</pre>
 * Registered on an instance field instead of a static one, it starts and closes a sandbox per test.
 */
public final class NexorSandboxExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private final NexorSandbox.Builder options;
    private NexorSandbox sandbox;
    private boolean perTest;

    public NexorSandboxExtension() {
        this(NexorSandbox.builder());
    }

    public NexorSandboxExtension(NexorSandbox.Builder options) {
        this.options = options;
    }

    public NexorSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox starts before the tests of the class; use it from a test");
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox = start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (sandbox == null) {
            perTest = true;
            sandbox = start();
        } else {
            sandbox.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            afterAll(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    private NexorSandbox start() {
        try {
            return options.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start nexor-sandbox", e);
        }
    }
}
