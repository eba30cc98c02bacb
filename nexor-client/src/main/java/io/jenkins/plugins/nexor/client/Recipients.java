package io.jenkins.plugins.nexor.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lists of {@link Recipient}s from what users have: a CSV file with a header row ({@code lead_id}, and optional
 * per-lead {@code content}, {@code html}, {@code subject}, {@code components}, {@code begin_message}), or a Pipeline
 * list whose items are lead ids or maps ({@code leadId}/{@code lead_id} plus the same optional fields, camelCase or
 * snake_case).
 */
public final class Recipients {
    private Recipients() {}

    /**
     * @throws IllegalArgumentException when the text is empty, has no {@code lead_id} column or an unclosed quote
     */
    public static List<Recipient> fromCsv(String text) {
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the file is empty; it needs a header row with lead_id");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int lead = header.indexOf("lead_id");
        if (lead < 0) {
            throw new IllegalArgumentException("no lead_id column in the header " + rows.get(0));
        }
        List<Recipient> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            out.add(new Recipient(cell(row, lead), cell(row, header.indexOf("content")),
                    cell(row, header.indexOf("html")), cell(row, header.indexOf("subject")),
                    cell(row, header.indexOf("components")), cell(row, header.indexOf("begin_message"))));
        }
        return out;
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
