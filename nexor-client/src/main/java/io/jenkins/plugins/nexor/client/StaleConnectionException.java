package io.jenkins.plugins.nexor.client;

import java.io.IOException;

/** The server had closed the pooled connection before the request was written on it: nothing was written. */
final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException() {
        super("the server had closed the idle connection; the request was not written");
    }
}
