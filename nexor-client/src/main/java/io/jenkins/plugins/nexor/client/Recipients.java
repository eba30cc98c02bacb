package io.jenkins.plugins.nexor.client;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lists of {@link Recipient}s from what users have: a CSV file with a header row ({@code lead_id}, and optional
 * per-lead {@code content}, {@code html}, {@code subject}, {@code components}, {@code begin_message}), or a Pipeline
 * list whose items are lead ids or maps ({@code leadId}/{@code lead_id} plus the same optional fields, camelCase or
 * snake_case).
 */
public final class Recipients {
    private Recipients() {}

    /** Opens the text of a CSV file, for each pass of a {@link RecipientSource}. */
    @FunctionalInterface
    public interface CsvOpener {
        Reader open() throws IOException;
    }

    /**
     * @throws IllegalArgumentException when the text is empty, has no {@code lead_id} column or an unclosed quote
     */
    public static List<Recipient> fromCsv(String text) {
        try (Stream<Recipient> rows = csv(() -> new StringReader(text)).open()) {
            return rows.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not throw
        }
    }

    /**
     * A CSV file read row by row at each pass, never whole: for files of any length. Problems with the file itself
     * (no {@code lead_id} column, an unclosed quote) surface as {@link IllegalArgumentException} while reading.
     */
    public static RecipientSource csv(CsvOpener opener) {
        return () -> {
            Stream<List<String>> records = Csv.records(opener.open());
            try {
                Iterator<List<String>> rows = records.iterator();
                if (!rows.hasNext()) {
                    throw new IllegalArgumentException("the file is empty; it needs a header row with lead_id");
                }
                Columns columns = new Columns(rows.next());
                return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
                        .map(columns::recipient)
                        .onClose(records::close);
            } catch (RuntimeException e) {
                records.close();
                throw e;
            }
        };
    }

    /** Where each known column is in a file's header. */
    private record Columns(int lead, int content, int html, int subject, int components, int beginMessage) {
        Columns(List<String> header) {
            this(header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList(), header);
        }

        private Columns(List<String> names, List<String> original) {
            this(lead(names, original), names.indexOf("content"), names.indexOf("html"), names.indexOf("subject"),
                    names.indexOf("components"), names.indexOf("begin_message"));
        }

        private static int lead(List<String> names, List<String> original) {
            int lead = names.indexOf("lead_id");
            if (lead < 0) {
                throw new IllegalArgumentException("no lead_id column in the header " + original);
            }
            return lead;
        }

        Recipient recipient(List<String> row) {
            return new Recipient(cell(row, lead), cell(row, content), cell(row, html), cell(row, subject),
                    cell(row, components), cell(row, beginMessage));
        }
    }

    /**
     * @throws IllegalArgumentException naming the item that is neither a lead id nor a map with one
     */
    public static List<Recipient> fromList(List<?> items) {
        List<Recipient> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof CharSequence id) {
                out.add(Recipient.of(id.toString()));
            } else if (item instanceof Map<?, ?> map) {
                Object components = value(map, "components", "components");
                out.add(new Recipient(text(map, "leadId", "lead_id"), text(map, "content", "content"),
                        text(map, "html", "html"), text(map, "subject", "subject"),
                        components instanceof CharSequence c ? c.toString() : components,
                        text(map, "beginMessage", "begin_message")));
            } else {
                throw new IllegalArgumentException("leads[" + i + "] is " + (item == null ? "null" : "a "
                        + item.getClass().getSimpleName()) + "; use a lead id or a map with leadId");
            }
        }
        return out;
    }

    private static Object value(Map<?, ?> map, String camel, String snake) {
        Object v = map.get(camel);
        return v != null ? v : map.get(snake);
    }

    private static String text(Map<?, ?> map, String camel, String snake) {
        Object v = value(map, camel, snake);
        return v == null ? null : v.toString();
    }

    private static String cell(List<String> row, int index) {
        return index < 0 || index >= row.size() || row.get(index).isBlank() ? null : row.get(index);
    }
}
