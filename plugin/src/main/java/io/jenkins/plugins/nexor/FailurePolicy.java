package io.jenkins.plugins.nexor;

import java.util.Locale;

/** What a failed send does to the build. Validation and credential errors always fail, whatever the policy. */
public enum FailurePolicy {
    /** Fail the step (and the build). The default. */
    FAIL,
    /** Mark the build unstable and go on; the result says {@code success: false}. */
    UNSTABLE,
    /** Log the failure and go on; the result says {@code success: false}. */
    CONTINUE;

    /** Accepts {@code fail}, {@code unstable}, {@code continue} in any case; blank means "not set" (null). */
    public static FailurePolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.FailurePolicy_unknown(text.strip()), e);
        }
    }

    /** The value written in Pipeline scripts and forms. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return switch (this) {
            case FAIL -> Messages.FailurePolicy_fail();
            case UNSTABLE -> Messages.FailurePolicy_unstable();
            case CONTINUE -> Messages.FailurePolicy_continue();
        };
    }
}
