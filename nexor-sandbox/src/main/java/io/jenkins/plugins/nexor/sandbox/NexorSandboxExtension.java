package io.jenkins.plugins.nexor.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5: one sandbox for a test class, reset before each test.
 * <pre>{@code
 * @RegisterExtension static final NexorSandboxExtension nexor = new NexorSandboxExtension();
 * ... nexor.sandbox().baseUrl() ...
 * }</pre>
 */
public final class NexorSandboxExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final NexorSandbox.Builder options;
    private NexorSandbox sandbox;

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
        try {
            sandbox = options.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start nexor-sandbox", e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
