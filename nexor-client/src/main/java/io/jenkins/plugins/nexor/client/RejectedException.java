package io.jenkins.plugins.nexor.client;

/** Nexor rejected the request (a 4xx other than 401, 403 and 429, or a redirect, which is never followed). */
public final class RejectedException extends NexorApiException {
    private static final long serialVersionUID = 1L;

    public RejectedException(int status, String error, String apiMessage) {
        super("error.rejected", new Object[] {answer(status, error, apiMessage)}, null, false, status, error,
                apiMessage);
    }

    private RejectedException(String code, Object[] args, int status) {
        super(code, args, null, false, status, null, null);
    }

    /**
     * A 404 without Nexor's JSON error: the base URL most likely misses {@code /api/public}.
     *
     * @param url     where the request went (key-free, control characters escaped)
     * @param excerpt the beginning of the body, or null
     */
    static RejectedException notFound(int status, String url, String excerpt) {
        String answer = "HTTP " + status + (excerpt == null || excerpt.isEmpty() ? "" : " " + excerpt);
        return new RejectedException("error.notFound.url", new Object[] {url, answer}, status);
    }
}
