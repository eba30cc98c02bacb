package io.jenkins.plugins.nexor.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output, unbuffered, that remembers why a write failed: a {@link java.io.PrintWriter} on it only says
 * <em>that</em> it failed ({@code checkError()}), and "No space left on device" or "Broken pipe" is what the user
 * needs to read.
 */
final class StdoutStream extends OutputStream {
    private final OutputStream out = new FileOutputStream(FileDescriptor.out);
    private volatile String problem;

    /** The operating system's reason for the first failed write, or null. */
    String problem() {
        return problem;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (problem == null) {
            problem = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return e;
    }
}
