package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.Csv;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A bulk send's per-lead results, in input order, written line by line to the build directory as they are known (so
 * nothing is kept in memory). A write error does not stop the sends (stopping would leave leads half done; the send
 * record, not this file, is what a resume reads): it is remembered, the file is left incomplete, and
 * {@link #close()} reports it. A plain file stream: an interrupt (an abort) does not close it while leads are written.
 */
final class BulkResultsFile {
    private final Writer out;
    private String problem;

    private BulkResultsFile(Writer out) {
        this.out = out;
    }

    /** A new file (an earlier one of a resumed send is replaced: every lead is written again). */
    static BulkResultsFile open(Path file) throws IOException {
        BulkResultsFile results = new BulkResultsFile(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(file.toFile()), StandardCharsets.UTF_8)));
        results.line(Csv.RESULTS_HEADER);
        return results;
    }

    /** Called in input order, one lead at a time. */
    void write(BulkEntry entry) {
        line(Csv.resultLine(entry));
    }

    private void line(String text) {
        if (problem != null) {
            return;
        }
        try {
            out.write(text);
            out.write('\n');
            out.flush(); // to the operating system: a crash leaves the leads finished so far
        } catch (IOException e) {
            problem = e.toString();
        }
    }

    /** Closes the file; the first write or close error, or null when the file is complete. */
    String close() {
        try {
            out.close();
        } catch (IOException e) {
            if (problem == null) {
                problem = e.toString();
            }
        }
        return problem;
    }
}
