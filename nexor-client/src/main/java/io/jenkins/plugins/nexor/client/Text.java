package io.jenkins.plugins.nexor.client;

/** Small helpers for putting user input into messages safely. */
final class Text {
    private static final int EXCERPT = 60;

    private Text() {}

    /** Blank or null → null; otherwise the text unchanged (blank strings from Jenkins forms mean "absent"). */
    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Trimmed, blank or null → null. */
    static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A short, single-line excerpt of user or server text for an error message. Anything that looks like a Nexor
     * key is replaced, so a key pasted into the wrong field (or echoed by a server) never reaches a log.
     */
    static String excerpt(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        oneLine = oneLine.replaceAll("nxr_[A-Za-z0-9_\\-]*", "nxr_…(redacted)");
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "…";
    }
}
