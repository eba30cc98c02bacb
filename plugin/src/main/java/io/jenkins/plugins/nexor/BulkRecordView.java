package io.jenkins.plugins.nexor;

import io.jenkins.plugins.nexor.client.Csv;
import io.jenkins.plugins.nexor.client.RecordedLeads;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a send record says about each lead, for the page of a bulk send that did not finish (or is still running):
 * one row per lead that has a line in the record, in the results file's columns, ordered by row. Whether a lead was
 * sent, may have been sent or was not sent is the client's reading of the record ({@link RecordedLeads}); the row shown
 * is the line that says so (the first {@code SENT} line, the last line that may have reached the lead, else the last
 * line). Leads without a line were never attempted.
 */
final class BulkRecordView {
    private BulkRecordView() {}

    /** The lines of one lead that can be shown. */
    private static final class Lead {
        final String id;
        List<String> last;
        List<String> lastUncertain;
        List<String> firstSent;

        Lead(String id) {
            this.id = id;
        }
    }

    /** The rows; empty when there is no record (nothing was attempted). */
    static List<List<String>> rows(Path record, boolean notSentOnly) throws IOException {
        if (!Files.isRegularFile(record)) {
            return List.of();
        }
        Map<String, Lead> leads = read(record);
        RecordedLeads recorded = null;
        try {
            recorded = RecordedLeads.read(record);
        } catch (IllegalArgumentException damaged) {
            // shown line by line below, without the client's reading
        }
        List<List<String>> rows = new ArrayList<>();
        try {
            for (Lead lead : leads.values()) {
                RecordedLeads.State state = recorded == null || lead.id == null ? null : recorded.state(lead.id);
                List<String> row =
                        switch (state == null ? RecordedLeads.State.NOT_SENT : state) {
                            case SENT -> lead.firstSent;
                            case UNCERTAIN -> lead.lastUncertain != null ? lead.lastUncertain : lead.last;
                            case NOT_SENT -> lead.last;
                        };
                if (row != null && !(notSentOnly && "SENT".equals(cell(row, 2)))) {
                    rows.add(row);
                }
            }
        } finally {
            if (recorded != null) {
                recorded.close();
            }
        }
        rows.sort(Comparator.comparingInt(BulkRecordView::rowNumber));
        return rows;
    }

    /** Each lead's lines, by lead id (rows without a valid lead id, by row); a line cut short ends the reading. */
    private static Map<String, Lead> read(Path record) throws IOException {
        Map<String, Lead> leads = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(new FileInputStream(record.toFile()), StandardCharsets.UTF_8);
                Stream<List<String>> lines = Csv.records(reader)) {
            Iterator<List<String>> it = lines.iterator();
            if (it.hasNext()) {
                it.next(); // the header: the record's columns are the results file's
            }
            while (it.hasNext()) {
                List<String> line = it.next();
                if (line.size() < Csv.RESULTS_HEADER.split(",").length) {
                    continue; // blank, or cut short by a crash (its request had not left)
                }
                String id = leadId(cell(line, 1));
                Lead lead = leads.computeIfAbsent(id != null ? id : "row " + cell(line, 0), k -> new Lead(id));
                lead.last = line;
                if ("true".equals(cell(line, 8))) {
                    lead.lastUncertain = line;
                }
                if ("SENT".equals(cell(line, 2)) && lead.firstSent == null) {
                    lead.firstSent = line;
                }
            }
        } catch (IllegalArgumentException cutShort) { // an unclosed quote at the end: what was read is shown
        }
        return leads;
    }

    private static String leadId(String text) {
        try {
            return java.util.UUID.fromString(text.strip()).toString().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int rowNumber(List<String> row) {
        try {
            return Integer.parseInt(cell(row, 0).strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() ? row.get(index) : "";
    }
}
