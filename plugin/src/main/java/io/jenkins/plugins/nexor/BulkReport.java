package io.jenkins.plugins.nexor;

import hudson.Functions;
import hudson.model.Run;
import io.jenkins.plugins.nexor.client.Csv;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import jenkins.util.VirtualFile;

/**
 * The page of one bulk send ({@code <build>/nexor/bulk/<n>/}): every lead, 100 a page, read from the archived
 * {@code nexor-bulk-N.csv} (nothing per lead is kept in the build record). Seeing it needs the permission to see
 * the build's artifacts.
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

    /** One page of leads; {@code page} is 1-based (anything unreadable is page 1), {@code notSentOnly} filters. */
    public Page page(String page, String notSentOnly) throws IOException {
        int number = 1;
        try {
            number = Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException | NullPointerException e) {
            // page 1
        }
        boolean filter = Boolean.parseBoolean(notSentOnly);
        int matching = filter ? summary.getNotSentCount() : summary.getTotal();
        int pages = Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
        number = Math.min(number, pages);
        List<List<String>> rows = new ArrayList<>();
        VirtualFile file = summary.getArtifact() == null
                ? null
                : run.getArtifactManager().root().child(summary.getArtifact());
        if (file == null || !file.exists()) {
            return new Page(number, pages, filter, rows, false);
        }
        int skip = (number - 1) * PAGE_SIZE;
        try (Reader reader = new InputStreamReader(file.open(), StandardCharsets.UTF_8);
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
        return new Page(number, pages, filter, rows, true);
    }

    /**
     * One page of the results file: rows in its columns ({@link Csv#RESULTS_HEADER}).
     *
     * @param available false when the results were not archived or are gone
     */
    public record Page(int number, int pages, boolean notSentOnly, List<List<String>> rows, boolean available) {
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
    }
}
