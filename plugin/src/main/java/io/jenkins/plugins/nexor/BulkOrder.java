package io.jenkins.plugins.nexor;

import hudson.AbortException;
import io.jenkins.plugins.nexor.client.LeadsFile;
import io.jenkins.plugins.nexor.client.RecipientSource;
import io.jenkins.plugins.nexor.client.Recipients;
import java.io.FileInputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one bulk send is asked to do, as {@code nexorSendBulk} or the freestyle builder gives it: the message, the
 * leads (a list, or a file in the workspace), the pace, and what to resume from. Serializable, so that a Pipeline
 * step execution keeps it across a controller restart; the list of leads is copied into plain lists, maps and
 * strings for that.
 */
final class BulkOrder implements Serializable {
    private static final long serialVersionUID = 1L;

    private final MessageFields fields;
    private final ArrayList<Object> leads;
    private final String leadsFile;
    private final int concurrency;
    private final double maxPerSecond;
    private final String resumeFrom;
    private final boolean resendUncertain;

    BulkOrder(
            MessageFields fields,
            List<Object> leads,
            String leadsFile,
            int concurrency,
            double maxPerSecond,
            String resumeFrom,
            boolean resendUncertain) {
        this.fields = fields;
        this.leads = leads == null ? null : plainList(leads);
        this.leadsFile = MessageFields.blankToNull(leadsFile);
        this.concurrency = concurrency;
        this.maxPerSecond = maxPerSecond;
        this.resumeFrom = MessageFields.blankToNull(resumeFrom);
        this.resendUncertain = resendUncertain;
    }

    MessageFields fields() {
        return fields;
    }

    /** A digest of everything the order asks (its serialized form): equal orders of one plugin version match. */
    String digest() {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(this);
            }
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            return java.util.HexFormat.of().formatHex(sha, 0, 12);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("a bulk order could not be digested", e);
        }
    }

    /** The workspace file of leads, or null when they are a list. */
    String leadsFile() {
        return leadsFile;
    }

    int concurrency() {
        return concurrency;
    }

    double maxPerSecond() {
        return maxPerSecond;
    }

    /** {@code #N}, {@code #N/K} or a file in the workspace; null when the send starts afresh. */
    String resumeFrom() {
        return resumeFrom;
    }

    boolean resendUncertain() {
        return resendUncertain;
    }

    /**
     * The leads: the list, or the controller's copy of the workspace file ({@code snapshot}), read from the start at
     * each pass (twice: to check, to send).
     *
     * @throws AbortException when they are given both ways or neither, or the list holds something else than leads
     */
    RecipientSource recipients(Path snapshot) throws AbortException {
        if ((leads == null) == (leadsFile == null)) {
            throw new AbortException(Messages.Bulk_leadsSource());
        }
        if (leads == null) {
            // a plain stream, not a channel: an interrupt (an abort) does not close it under the sender; the
            // client finds the encoding (UTF-8, UTF-16, or Windows-1252 as Excel writes it) and the separator
            return LeadsFile.of(leadsFile, () -> new FileInputStream(snapshot.toFile()));
        }
        try {
            return RecipientSource.of(Recipients.fromList(leads));
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.Bulk_badLeads(e.getMessage()));
        }
    }

    /** Groovy strings as strings, lists and maps copied: what a step execution can keep across a restart. */
    private static Object plain(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return plainList(list);
        }
        return value == null || value instanceof Serializable ? value : value.toString();
    }

    private static ArrayList<Object> plainList(List<?> list) {
        ArrayList<Object> copy = new ArrayList<>();
        list.forEach(v -> copy.add(plain(v)));
        return copy;
    }
}
