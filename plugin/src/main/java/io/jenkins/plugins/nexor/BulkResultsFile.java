package io.jenkins.plugins.nexor;

import hudson.FilePath;
import io.jenkins.plugins.nexor.client.BulkEntry;
import io.jenkins.plugins.nexor.client.Csv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A bulk send's per-lead results, written line by line to the workspace as they are known (so nothing is kept in
 * memory, and a crash leaves the leads done so far on disk). A write error does not stop the sends (stopping would
 * leave leads half done): it is remembered, the file is left incomplete, and {@link #close()} reports it.
 */
final class BulkResultsFile {
    private final Writer out;
    private String problem;

    private BulkResultsFile(Writer out) {
        this.out = out;
    }

    static BulkResultsFile open(FilePath file) throws IOException, InterruptedException {
        BulkResultsFile results =
                new BulkResultsFile(new BufferedWriter(new OutputStreamWriter(file.write(), StandardCharsets.UTF_8)));
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
