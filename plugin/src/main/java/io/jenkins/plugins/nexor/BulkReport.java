package io.jenkins.plugins.nexor;

import hudson.Functions;
import hudson.model.Run;
import io.jenkins.plugins.nexor.client.Csv;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import jenkins.util.VirtualFile;

/**
 * The page of one bulk send ({@code <build>/nexor/bulk/<n>/}): every lead, 100 a page, read from its per-lead
 * results in the build directory (or, for builds from before they were kept there, the archived
 * {@code nexor-bulk-N.csv}); nothing per lead is kept in the build record. For a bulk send that did not finish (Jenkins
 * stopped during it and the build was not resumed) or is still running, what its send record says
 * ({@link BulkRecordView}). Seeing it needs the permission to see the build's artifacts.
 */
public final class BulkReport {
    static final int PAGE_SIZE = 100;

    private final Run<?, ?> run;
    private final BulkSummary summary;

    BulkReport(Run<?, ?> run, BulkSummary summary) {
        if (Functions.isArtifactsPermissionEnabled()) {
            run.checkPermission(Run.ARTIFACTS);
        } else {
            run.checkPermission(hudson.model.Item.READ);
        }
        this.run = run;
        this.summary = summary;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public BulkSummary getSummary() {
        return summary;
    }

    public String getDisplayName() {
        return Messages.BulkReport_displayName(summary.getNumber());
    }

    /**
     * One page of leads; {@code page} is 1-based (anything unreadable is page 1), {@code notSentOnly} filters. A bulk
     * send that ended has its results file (on the controller, else the archived copy); one that did not finish, or
     * is still running, shows what its send record says.
     */
    public Page page(String page, String notSentOnly) throws IOException {
        int number = 1;
        try {
            number = Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException | NullPointerException e) {
            // page 1
        }
        boolean filter = Boolean.parseBoolean(notSentOnly);
        if (summary.isUnfinished()) {
            List<List<String>> all = BulkRecordView.rows(BulkFiles.record(run, summary.getNumber()), filter);
            int pages = pages(all.size());
            number = Math.min(number, pages);
            int from = Math.min(all.size(), (number - 1) * PAGE_SIZE);
            List<List<String>> rows = new ArrayList<>(all.subList(from, Math.min(all.size(), from + PAGE_SIZE)));
            return new Page(number, pages, filter, rows, true, true);
        }
        int pages = pages(filter ? summary.getNotSentCount() : summary.getTotal());
        number = Math.min(number, pages);
        List<List<String>> rows = new ArrayList<>();
        InputStream in = open();
        if (in == null) {
            return new Page(number, pages, filter, rows, false, false);
        }
        int skip = (number - 1) * PAGE_SIZE;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                Stream<List<String>> records = Csv.records(reader)) {
            Iterator<List<String>> it = records.skip(1).iterator(); // the header
            while (it.hasNext() && rows.size() < PAGE_SIZE) {
                List<String> row = it.next();
                if (filter && row.size() > 2 && row.get(2).equals("SENT")) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                rows.add(row);
            }
        }
        return new Page(number, pages, filter, rows, true, false);
    }

    private static int pages(int rows) {
        return Math.max(1, (rows + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The results: the controller's file, else the archived copy (older builds have only that); null when gone. */
    private InputStream open() throws IOException {
        Path results = BulkFiles.results(run, summary.getNumber());
        if (Files.isRegularFile(results)) {
            return new FileInputStream(results.toFile());
        }
        VirtualFile file = summary.getArtifact() == null
                ? null
                : run.getArtifactManager().root().child(summary.getArtifact());
        return file != null && file.isFile() ? file.open() : null;
    }

    /**
     * One page of the results file: rows in its columns ({@link Csv#RESULTS_HEADER}).
     *
     * @param available  false when the results were not archived or are gone
     * @param fromRecord the rows say what the send record says (the bulk send did not finish, or is running)
     */
    public record Page(
            int number,
            int pages,
            boolean notSentOnly,
            List<List<String>> rows,
            boolean available,
            boolean fromRecord) {
        public int getNumber() {
            return number;
        }

        public int getPages() {
            return pages;
        }

        public boolean isNotSentOnly() {
            return notSentOnly;
        }

        public List<List<String>> getRows() {
            return rows;
        }

        public boolean isAvailable() {
            return available;
        }

        public boolean isFromRecord() {
            return fromRecord;
        }
    }
}
