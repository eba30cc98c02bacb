package io.jenkins.plugins.nexor.client;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/** Rules for the client's configuration: the API key and the base URL. Problems never quote the key. */
final class ConfigRules {
    static final String KEY_PREFIX = "nxr_live_";

    private ConfigRules() {}

    static void checkApiKey(String key, List<Problem> out) {
        if (key == null || key.isEmpty()) {
            out.add(new Problem(Field.API_KEY, Severity.ERROR, "apiKey.required"));
            return;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c) || c > 0x7e) {
                out.add(new Problem(Field.API_KEY, Severity.ERROR, "apiKey.badCharacters", i + 1));
                return;
            }
        }
        if (!key.startsWith(KEY_PREFIX)) {
            out.add(new Problem(Field.API_KEY, Severity.WARNING, "apiKey.prefix"));
        }
    }

    static void checkBaseUrl(String url, List<Problem> out) {
        if (url == null || url.isBlank()) {
            out.add(new Problem(Field.BASE_URL, Severity.ERROR, "baseUrl.required"));
            return;
        }
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            out.add(new Problem(Field.BASE_URL, Severity.ERROR, "baseUrl.invalid", Text.excerpt(url)));
            return;
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty() || parsed.query() != null
                || parsed.fragment() != null) {
            out.add(new Problem(Field.BASE_URL, Severity.ERROR, "baseUrl.extraParts", parsed.host()));
            return;
        }
        if (!parsed.isHttps() && !isLoopback(parsed.host())) {
            out.add(new Problem(Field.BASE_URL, Severity.ERROR, "baseUrl.httpsRequired", parsed.host()));
        }
    }

    /** True for {@code localhost} and literal loopback addresses; never resolves a name over the network. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        boolean literal = h.indexOf(':') >= 0 || h.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch));
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // literal address: no lookup happens
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
