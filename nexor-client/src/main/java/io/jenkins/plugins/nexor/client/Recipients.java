package io.jenkins.plugins.nexor.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
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
 * {@link Recipient}s from what users have: a CSV file with a header row ({@code lead_id}, and optional per-lead
 * {@code content}, {@code html}, {@code subject}, {@code components}, {@code begin_message}), a JSON array, or a
 * Pipeline list; the items of the last two are lead ids or maps ({@code leadId}/{@code lead_id} plus the same
 * optional fields, camelCase or snake_case). Files are read as they are needed, never whole.
 */
public final class Recipients {
    private Recipients() {}

    /** Opens the text of a file, for each pass of a {@link RecipientSource}. */
    @FunctionalInterface
    public interface Opener {
        Reader open() throws IOException;
    }

    /** A leads file by its name: {@link #json} for {@code *.json}, else {@link #csv}. */
    public static RecipientSource file(String name, Opener opener) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? json(opener) : csv(opener);
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
    public static RecipientSource csv(Opener opener) {
        return () -> {
            BufferedReader reader = new BufferedReader(opener.open());
            try {
                char separator = CsvHeader.separator(reader);
                CsvReader csv = new CsvReader(reader, separator);
                Stream<List<String>> records = Csv.records(csv, reader);
                Iterator<List<String>> rows = records.iterator();
                if (!rows.hasNext()) {
                    throw new IllegalArgumentException("the file is empty; it needs a header row with lead_id");
                }
                CsvHeader columns = new CsvHeader(rows.next(), separator);
                return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
                        .map(row -> columns.recipient(row, csv.line()))
                        .onClose(records::close);
            } catch (RuntimeException e) {
                close(reader);
                throw e;
            }
        };
    }

    /**
     * @throws IllegalArgumentException naming the item that is neither a lead id nor a map with one
     */
    public static List<Recipient> fromList(List<?> items) {
        List<Recipient> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(item(items.get(i), "leads[" + i + "]"));
        }
        return out;
    }

    /**
     * A JSON file read element by element at each pass, never whole: an array whose items are lead ids or objects
     * with {@code lead_id} (or {@code leadId}) and the optional per-lead fields, as in a Pipeline list.
     * Problems with the file (not an array, an item that is neither) surface as {@link IllegalArgumentException}.
     */
    public static RecipientSource json(Opener opener) {
        return () -> {
            Reader reader = opener.open();
            try {
                JsonParser parser = WireFormat.MAPPER.createParser(reader);
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("the file is not a JSON array of leads ([\"<lead id>\", "
                            + "{\"lead_id\": \"…\", \"components\": […]}, …])");
                }
                Iterator<Recipient> items = new Iterator<>() {
                    private int index;
                    private JsonToken next;

                    @Override
                    public boolean hasNext() {
                        if (next == null) {
                            next = token(parser);
                        }
                        return next != JsonToken.END_ARRAY;
                    }

                    @Override
                    public Recipient next() {
                        if (!hasNext()) {
                            throw new java.util.NoSuchElementException();
                        }
                        next = null;
                        try {
                            return item(WireFormat.MAPPER.readValue(parser, Object.class), "item " + ++index);
                        } catch (JsonProcessingException e) {
                            throw new IllegalArgumentException("item " + index + " is "
                                    + WireFormat.syntaxError(e)); // no cause: Jackson's text quotes the input
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                };
                return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false)
                        .onClose(() -> close(reader));
            } catch (JsonProcessingException e) {
                close(reader);
                throw new IllegalArgumentException("the file is " + WireFormat.syntaxError(e)); // no cause, as above
            } catch (IOException e) {
                close(reader);
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                close(reader);
                throw e;
            }
        };
    }

    private static JsonToken token(JsonParser parser) {
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("the JSON array of leads is not closed with ]");
            }
            if (t == JsonToken.END_ARRAY && parser.getParsingContext().inRoot()) {
                nothingAfter(parser);
            }
            return t;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the file is " + WireFormat.syntaxError(e)); // no cause, as above
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The leads array is the whole file: anything after it (but blanks) is refused, not ignored. */
    private static void nothingAfter(JsonParser parser) throws IOException {
        com.fasterxml.jackson.core.JsonLocation end = parser.currentLocation();
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            more = true;
        }
        if (more) {
            throw new IllegalArgumentException("something follows the closing ] of the leads array (after line "
                    + end.getLineNr() + ", column " + end.getColumnNr() + "); remove it");
        }
    }

    private static void close(Reader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One item of a list or JSON array: a lead id, or a map with the lead id and per-lead fields. */
    private static Recipient item(Object item, String where) {
        if (item instanceof CharSequence id) {
            return Recipient.of(id.toString());
        }
        if (item instanceof Map<?, ?> map) {
            Object components = value(map, "components", "components");
            return new Recipient(text(map, "leadId", "lead_id"), text(map, "content", "content"),
                    text(map, "html", "html"), text(map, "subject", "subject"),
                    components instanceof CharSequence c ? c.toString() : components,
                    text(map, "beginMessage", "begin_message"));
        }
        throw new IllegalArgumentException(where + " is " + (item == null ? "null" : "a "
                + item.getClass().getSimpleName()) + "; use a lead id or a map with leadId");
    }

    private static Object value(Map<?, ?> map, String camel, String snake) {
        Object v = map.get(camel);
        return v != null ? v : map.get(snake);
    }

    private static String text(Map<?, ?> map, String camel, String snake) {
        Object v = value(map, camel, snake);
        return v == null ? null : v.toString();
    }

}
