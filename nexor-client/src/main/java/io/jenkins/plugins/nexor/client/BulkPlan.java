package io.jenkins.plugins.nexor.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the validation pass over a bulk send's leads found, kept small for any number of leads: which rows are skipped
 * (one bit a row), the lead of every row (16 bytes a row, to make sure the sending pass reads the same leads), the
 * rows that repeat an earlier lead, and the first {@link #LISTED} invalid rows with their reasons.
 */
final class BulkPlan {
    /** Invalid rows kept with their reason for {@link BulkSend#invalid()}; all of them are counted. */
    static final int LISTED = 100;

    final MessageRequest.Builder message;
    final int total;
    final int invalidCount;
    final List<BulkEntry> firstInvalid;
    private final BitSet skipped;
    private final long[] leads; // most and least significant bits of each row's lead; 0,0 for skipped rows
    private final Map<Integer, Integer> repeats; // row -> the earlier row with the same lead

    private BulkPlan(MessageRequest.Builder message, int total, BitSet skipped, long[] leads,
            Map<Integer, Integer> repeats, List<BulkEntry> firstInvalid, int invalidCount) {
        this.message = message;
        this.total = total;
        this.skipped = skipped;
        this.leads = leads;
        this.repeats = repeats;
        this.firstInvalid = List.copyOf(firstInvalid);
        this.invalidCount = invalidCount;
    }

    /** Reads every lead once, validating it against the shared message (which has no lead id). */
    static BulkPlan check(MessageRequest.Builder shared, RecipientSource source) throws IOException {
        MessageRequest.Builder message = shared.copy();
        Map<UUID, Integer> firstRow = new HashMap<>();
        BitSet skipped = new BitSet();
        long[] leads = new long[64];
        Map<Integer, Integer> repeats = new HashMap<>();
        List<BulkEntry> invalid = new ArrayList<>();
        int invalidCount = 0;
        int i = 0;
        try (Stream<Recipient> rows = source.open()) {
            for (Iterator<Recipient> it = rows.iterator(); it.hasNext(); i++) {
                if (2 * i + 1 >= leads.length) {
                    leads = Arrays.copyOf(leads, leads.length * 2);
                }
                Recipient r = Recipient.orEmpty(it.next());
                BulkEntry problem;
                try {
                    UUID lead = UUID.fromString(r.applyTo(message).build().leadId());
                    Integer first = firstRow.putIfAbsent(lead, i);
                    if (first == null) {
                        leads[2 * i] = lead.getMostSignificantBits();
                        leads[2 * i + 1] = lead.getLeastSignificantBits();
                        continue;
                    }
                    repeats.put(i, first);
                    problem = repeated(i, r, first);
                } catch (InvalidRequestException e) {
                    problem = invalid(i, r, e);
                }
                skipped.set(i);
                if (invalidCount++ < LISTED) {
                    invalid.add(problem);
                }
            }
        }
        return new BulkPlan(message, i, skipped, Arrays.copyOf(leads, 2 * i), repeats, invalid, invalidCount);
    }

    boolean skipped(int row) {
        return skipped.get(row);
    }

    /** The reason a skipped row is not sent, as found by the validation pass. */
    BulkEntry skippedEntry(int row, Recipient r) {
        Integer first = repeats.get(row);
        if (first != null) {
            return repeated(row, r, first);
        }
        try {
            r.applyTo(message).build();
        } catch (InvalidRequestException e) {
            return invalid(row, r, e);
        }
        return changed(row, r.leadId());
    }

    /** True when the sending pass reads the lead the validation pass checked for this row. */
    boolean sameLead(int row, String leadId) {
        UUID lead = UUID.fromString(leadId);
        return leads[2 * row] == lead.getMostSignificantBits() && leads[2 * row + 1] == lead.getLeastSignificantBits();
    }

    static BulkEntry changed(int row, String lead) {
        return skipped(row, lead, "the row changed after the leads were checked; it is not sent");
    }

    private static BulkEntry repeated(int row, Recipient r, int first) {
        return skipped(row, r.leadId(), "lead " + r.leadId() + " is already in the list (entry " + (first + 1)
                + "); it is sent once" + where(r));
    }

    private static BulkEntry invalid(int row, Recipient r, InvalidRequestException e) {
        // the messages are sentences that name their field: one line, no list marks
        return skipped(row, r.leadId(), e.validation().errors().stream().map(Problem::message)
                .collect(java.util.stream.Collectors.joining(" ")) + where(r));
    }

    /** Where a row of a file is: entries count data rows, people look for file lines. */
    private static String where(Recipient r) {
        return r.line() > 0 ? " (line " + r.line() + " of the file)" : "";
    }

    private static BulkEntry skipped(int row, String lead, String why) {
        return new BulkEntry(row, lead, BulkEntry.Outcome.SKIPPED, null, why, false, 0);
    }
}
