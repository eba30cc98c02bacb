package io.jenkins.plugins.nexor.client;

/**
 * A Nexor API key. It never prints itself: {@link #toString()} is redacted, and it is not {@code Serializable}, so it
 * cannot end up in a Jenkins build record. Only the client reads the value, to put it in the {@code X-API-Key} header.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * Wraps a key after checking it (present, no whitespace or control characters, printable ASCII).
     *
     * @throws IllegalArgumentException naming the problem, never the key
     */
    public static ApiKey of(String value) {
        Validation v = Validation.ofApiKey(value);
        if (v.hasErrors()) {
            throw new IllegalArgumentException(v.errors().get(0).message());
        }
        return new ApiKey(withoutBom(value));
    }

    /** A key saved by an editor that puts a byte-order mark first (Notepad) is the key without it. */
    static String withoutBom(String value) {
        return value != null && value.startsWith("\uFEFF") ? value.substring(1) : value;
    }

    String reveal() {
        return value;
    }

    /** Replaces every occurrence of this key in a text (e.g. a server's error body) before it is shown. */
    String redact(String text) {
        return text == null ? null : text.replace(value, "(redacted)");
    }

    @Override
    public String toString() {
        return "ApiKey(redacted)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey k && java.security.MessageDigest.isEqual(k.value.getBytes(), value.getBytes());
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
