package io.jenkins.plugins.nexor.client;

import java.util.Locale;
import java.util.Optional;

/** The ways Nexor can contact a lead. */
public enum Channel {
    WHATSAPP,
    EMAIL,
    CALL;

    /** The value the API expects in {@code channel}: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses user input in any case, surrounding blanks ignored; empty when it names no channel. */
    public static Optional<Channel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim();
        for (Channel c : values()) {
            if (c.name().equalsIgnoreCase(wanted)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName();
    }
}
