package io.jenkins.plugins.nexor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer that passes text on a line at a time, each line masked by a {@link Redactor}: a key never reaches stdout
 * or stderr, even split across several writes. {@link #flush()} passes on a partial line too (masked on its own), so
 * what is flushed is still seen at once. Failures of the writer below are not hidden: one that is a
 * {@link PrintWriter} (which keeps its failures to itself) is checked after each line, so a {@link PrintWriter} on
 * this one still knows that its output failed ({@code checkError()}).
 */
final class RedactingWriter extends Writer {
    private final Writer out;
    private final Redactor redactor;
    private final StringBuilder line = new StringBuilder();

    RedactingWriter(Writer out, Redactor redactor) {
        this.out = out;
        this.redactor = redactor;
    }

    @Override
    public synchronized void write(char[] cbuf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (cbuf[i] == '\n') {
                line.append(cbuf, start, i + 1 - start);
                start = i + 1;
                pass();
            }
        }
        line.append(cbuf, start, off + len - start);
    }

    private void pass() throws IOException {
        if (line.length() > 0) {
            String text = line.toString();
            line.setLength(0);
            out.write(redactor.mask(text));
            failed();
        }
    }

    private void failed() throws IOException {
        if (out instanceof PrintWriter p && p.checkError()) {
            throw new IOException("the output below failed");
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        pass();
        out.flush();
        failed();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }
}
