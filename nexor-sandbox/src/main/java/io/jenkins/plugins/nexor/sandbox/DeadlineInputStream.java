package io.jenkins.plugins.nexor.sandbox;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that cannot be read past the request's deadline ({@link RequestRead#expired()}): a whole-request
 * budget, not a per-read timeout, so a client dripping a byte now and then is stopped too. Never closes the body
 * (the JDK's server does, after the answer).
 */
final class DeadlineInputStream extends FilterInputStream {
    /** The request's time budget is spent. */
    static final class Expired extends IOException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super("request deadline passed", null);
        }
    }

    private final RequestRead read;

    /** {@code read} may be null: no deadline. */
    DeadlineInputStream(InputStream in, RequestRead read) {
        super(in);
        this.read = read;
    }

    @Override
    public int read() throws IOException {
        check();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        return super.read(b, off, len);
    }

    @Override
    public void close() {
        // left to the server
    }

    private void check() throws Expired {
        if (read != null && read.expired()) {
            throw new Expired();
        }
    }
}
