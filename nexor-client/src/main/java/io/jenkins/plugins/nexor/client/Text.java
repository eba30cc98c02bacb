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
        String oneLine = masked(oneLine(s.replaceAll("[\\r\\n\\t]+", " ").strip()));
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "…";
    }

    /** Anything shaped like a Nexor key ({@code nxr_live_…}, {@code nxr_test_…}) replaced, the rest unchanged. */
    static String masked(String s) {
        return s == null || !s.contains("nxr_") ? s : KEY_SHAPE.matcher(s).replaceAll("nxr_…(redacted)");
    }

    private static final java.util.regex.Pattern KEY_SHAPE = java.util.regex.Pattern.compile("nxr_[A-Za-z0-9_\\-]*");

    /**
     * The text on one line with nothing a terminal or spreadsheet would act on: line breaks and tabs become spaces,
     * other control characters (ESC, NUL, DEL, C1) are written as {@code \\uXXXX}.
     */
    static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (c == '\n' || c == '\r' || c == '\t') {
                    b.append(' ');
                } else if (control) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
