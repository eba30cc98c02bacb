package io.jenkins.plugins.nexor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Keeps the API key out of everything {@code nexor} prints: anything shaped like a Nexor key ({@code nxr_live_…},
 * {@code nxr_test_…}) and the configured key itself (NEXOR_API_KEY, the content of --api-key-file), whatever its
 * shape, become {@value #MASK}. {@link RedactingWriter} applies it to stdout and stderr as a whole; user input
 * quoted in a message is also cut short ({@link #excerpt}).
 */
final class Redactor {
    static final String MASK = "nxr_…(redacted)";
    /**
     * A Nexor key: {@code nxr_live_} or {@code nxr_test_} and more, or {@code nxr_} and a long run of key characters.
     * A bare prefix ({@code nxr_live_...} in an example) is not a key.
     */
    private static final Pattern KEY_SHAPE =
            Pattern.compile("nxr_(?:live|test)_[A-Za-z0-9_\\-]+|nxr_[A-Za-z0-9_\\-]{12,}");
    /** Longer user input is cut in messages. */
    static final int EXCERPT = 24;
    /** A key file longer than this is not a key file; it is not read to learn the key (ConnectionOptions says why). */
    private static final int KEY_FILE_LIMIT = 4096;
    /** Configured keys shorter than this are not masked inside other words (they would mask ordinary text). */
    private static final int SHORTEST_SECRET = 8;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** A redactor that knows the key of the environment, if any. */
    static Redactor of(Map<String, String> env) {
        Redactor r = new Redactor();
        r.secret(env.get("NEXOR_API_KEY"));
        return r;
    }

    /** Also masks this configured key (ignored when null or blank). */
    void secret(String key) {
        if (key == null) {
            return;
        }
        String k = key.strip();
        if (k.startsWith("\uFEFF")) {
            k = k.substring(1).strip();
        }
        if (k.length() >= SHORTEST_SECRET && !secrets.contains(k)) {
            secrets.add(k);
        }
    }

    /**
     * Learns the key in the {@code --api-key-file} of a command line before it is parsed, so that a parse error
     * masks it too. Only a small regular file is read: a pipe ({@code <(vault read …)}) can be read once only, and
     * {@link ConnectionOptions#readKey} reads it (and tells this redactor) before the command prints anything.
     */
    void keyFileOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String file = args[i].equals("--api-key-file") && i + 1 < args.length ? args[i + 1]
                    : args[i].startsWith("--api-key-file=") ? args[i].substring("--api-key-file=".length()) : null;
            if (file != null) {
                try {
                    Path path = Path.of(file);
                    if (Files.isRegularFile(path) && Files.size(path) <= KEY_FILE_LIMIT) {
                        try (InputStream in = Files.newInputStream(path)) {
                            secret(new String(in.readNBytes(KEY_FILE_LIMIT), StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // nothing to learn; the command says what is wrong with the file if it gets that far
                }
            }
        }
    }

    /** The text with every key masked. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out.contains("nxr_") ? KEY_SHAPE.matcher(out).replaceAll(MASK) : out;
    }

    /** User input as a message may quote it: masked, on one line, at most {@value #EXCERPT} characters. */
    String excerpt(String input) {
        String one = mask(String.valueOf(input)).replaceAll("\\p{Cntrl}+", " ").strip();
        return one.length() <= EXCERPT ? one : one.substring(0, EXCERPT - 1).strip() + "…";
    }

    /** True when the text is, or holds, a key (shaped like one, or the configured one). */
    boolean isKey(String text) {
        return text != null && !mask(text).equals(text);
    }
}
