package io.jenkins.plugins.nexor.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A leads file as people have them (a CSV from Excel or a CRM, or a JSON array), from its bytes: the encoding is
 * found once, on the first reading — UTF-8, or UTF-16 by its byte-order mark, or, for bytes that are not UTF-8,
 * Windows-1252 (what Excel writes on Spanish Windows) with a note saying so — and a byte-order mark is skipped
 * whatever the format. Text that is none of these stops with the line it is on. CSV or JSON by the name, as
 * {@link Recipients#file}. The CLI and the plugin read leads files through this one class.
 */
public final class LeadsFile implements RecipientSource {
    /** Opens the file's bytes, once per reading. */
    @FunctionalInterface
    public interface Bytes {
        InputStream open() throws IOException;
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final String name;
    private final Bytes bytes;
    private final RecipientSource records;
    private final List<String> notes = new ArrayList<>();
    private volatile Charset charset;

    private LeadsFile(String name, Bytes bytes) {
        this.name = name;
        this.bytes = bytes;
        this.records = Recipients.file(name, this::reader);
    }

    /** @param name the file's name as the user gave it (for messages, and {@code .json} means JSON) */
    public static LeadsFile of(String name, Bytes bytes) {
        return new LeadsFile(name, bytes);
    }

    @Override
    public Stream<Recipient> open() throws IOException {
        return records.open();
    }

    /**
     * For a CSV file, the per-lead columns its header names, read from its first line (all of them for a JSON file,
     * whose every item may carry its own fields, and for a header without {@code lead_id}: reading the file says
     * what is wrong with it).
     */
    @Override
    public java.util.Set<String> perLeadColumns() throws IOException {
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return SharedMessage.PER_LEAD;
        }
        try (java.io.BufferedReader in = new java.io.BufferedReader(reader())) {
            char separator = CsvHeader.separator(in);
            java.util.List<String> header = new CsvReader(in, separator).next();
            return header == null ? SharedMessage.PER_LEAD : new CsvHeader(header, separator).perLeadColumns();
        } catch (IllegalArgumentException noLeadColumn) {
            return SharedMessage.PER_LEAD;
        }
    }

    /** What the user should know about how the file was read (e.g. not UTF-8); known after the first reading. */
    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** The encoding the file is read in; null before the first reading. */
    public Charset charset() {
        return charset;
    }

    private Reader reader() throws IOException {
        Charset cs = charset;
        if (cs == null) {
            cs = detect();
            charset = cs;
        }
        InputStream in = bytes.open();
        try {
            PushbackReader reader = new PushbackReader(new InputStreamReader(in, decoder(cs)), 1);
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                reader.unread(first);
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static CharsetDecoder decoder(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Reads the bytes once: a byte-order mark decides; else UTF-8 if every byte is, else Windows-1252. */
    private Charset detect() throws IOException {
        try (InputStream in = new BufferedInputStream(bytes.open())) {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0xFF && b1 == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (b0 == 0xFE && b1 == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            Problem utf8 = scan(in, StandardCharsets.UTF_8);
            if (utf8 == null) {
                return StandardCharsets.UTF_8;
            }
            if (utf8.nul) {
                throw new IllegalArgumentException(name + ", line " + utf8.line + ": the file holds NUL bytes, as"
                        + " UTF-16 text without a byte-order mark does; save it as \"CSV UTF-8\" (or UTF-8 JSON)");
            }
        }
        try (InputStream in = new BufferedInputStream(bytes.open())) {
            Problem cp1252 = scan(in, WINDOWS_1252);
            if (cp1252 != null) {
                throw new IllegalArgumentException(name + ", line " + cp1252.line + ": the file is neither UTF-8 nor"
                        + " Windows-1252 text; save it as \"CSV UTF-8\" (Excel: File > Save As > CSV UTF-8)");
            }
        }
        synchronized (notes) {
            notes.add(name + " is not UTF-8: it was read as Windows-1252, as Excel saves CSV files on Spanish and"
                    + " Western European Windows (accents such as José, Núñez or Peña are kept); to be sure, save it"
                    + " as \"CSV UTF-8\"");
        }
        return WINDOWS_1252;
    }

    /** Where a text stops being valid in an encoding. */
    private record Problem(int line, boolean nul) {}

    /** The first line that is not valid in {@code cs} (or holds a NUL byte), or null when the whole text is. */
    private static Problem scan(InputStream in, Charset cs) throws IOException {
        CharsetDecoder decoder = decoder(cs);
        ByteBuffer input = ByteBuffer.allocate(8192);
        CharBuffer output = CharBuffer.allocate(8192);
        int line = 1;
        boolean end = false;
        while (!end) {
            int n = in.read(input.array(), input.position(), input.remaining());
            end = n < 0;
            if (n > 0) {
                input.position(input.position() + n);
            }
            input.flip();
            CoderResult result;
            do {
                result = decoder.decode(input, output, end);
                output.flip();
                for (int i = 0; i < output.length(); i++) {
                    char c = output.charAt(i);
                    if (c == '\n') {
                        line++;
                    } else if (c == 0) {
                        return new Problem(line, true);
                    }
                }
                output.clear();
            } while (result.isOverflow());
            if (result.isError()) {
                return new Problem(line, false);
            }
            input.compact();
        }
        return decoder.flush(output).isError() ? new Problem(line, false) : null;
    }
}
