package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where to send and with which key. The key comes from {@code NEXOR_API_KEY} or {@code --api-key-file}, never from a
 * plain option (it would land in shell history and process lists).
 */
final class ConnectionOptions {
    @Option(names = "--base-url", paramLabel = "URL",
            description = {"Nexor's API (default: $NEXOR_BASE_URL, else", NexorClient.DEFAULT_BASE_URL + ")"})
    String baseUrl;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "file holding the API key (default: the NEXOR_API_KEY environment variable)")
    Path apiKeyFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "longest wait for Nexor's answer, 1 to 300 (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    /** Values out of range: a wrong command line (exit 2), found before anything is read or sent. */
    void check(CommandSpec spec) {
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw UsageErrors.wrong(spec, "--timeout must be 1 to 300 seconds, not " + timeoutSeconds);
        }
    }

    private String key;
    private UsageProblem keyProblem;

    /**
     * Reads the key now, before anything else is printed, so that the redactor masks it in every message even when
     * it comes from a pipe ({@code --api-key-file <(vault read …)}, read once); a problem with it is reported by
     * {@link #client} (after the message's own problems).
     */
    void readKey(NexorCli cli) {
        if (key == null && keyProblem == null) {
            try {
                key = apiKey(cli);
            } catch (UsageProblem e) {
                keyProblem = e;
            }
        }
    }

    /** The key, or an explanation of what is missing (never the key itself); the redactor learns it. */
    private String apiKey(NexorCli cli) throws UsageProblem {
        String key;
        if (apiKeyFile != null) {
            if (cli.redactor.isKey(apiKeyFile.toString())) {
                throw new UsageProblem("--api-key-file takes the name of a file that holds the key, and what was "
                        + "given looks like the key itself (not printed): put the key in a file, or in NEXOR_API_KEY");
            }
            if (Files.isDirectory(apiKeyFile) || !Files.isReadable(apiKeyFile)) {
                throw new UsageProblem("cannot read the API key file " + apiKeyFile
                        + (Files.isDirectory(apiKeyFile) ? " (it is a directory)" : ""));
            }
            try {
                key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UsageProblem("cannot read the API key file " + apiKeyFile + " (" + (e instanceof
                        java.nio.charset.CharacterCodingException ? "it is not UTF-8 text" : RecordOptions.reason(e))
                        + ")");
            }
            cli.redactor.secret(key);
        } else {
            key = cli.env.get("NEXOR_API_KEY");
        }
        if (key == null || key.isBlank()) {
            throw new UsageProblem("no API key: set NEXOR_API_KEY or use --api-key-file FILE");
        }
        Validation v = Validation.ofApiKey(key);
        if (v.hasErrors()) {
            throw new UsageProblem(v.errors().get(0).message());
        }
        return key;
    }

    String baseUrl(java.util.Map<String, String> env) {
        if (baseUrl != null) {
            return baseUrl;
        }
        String fromEnv = env.get("NEXOR_BASE_URL");
        return fromEnv == null || fromEnv.isBlank() ? NexorClient.DEFAULT_BASE_URL : fromEnv;
    }

    NexorClient client(NexorCli cli) throws UsageProblem {
        String url = baseUrl(cli.env);
        Validation v = Validation.ofBaseUrl(url);
        if (v.hasErrors()) {
            throw new UsageProblem(v.errors().get(0).message());
        }
        readKey(cli);
        if (keyProblem != null) {
            throw keyProblem;
        }
        return NexorClient.builder().apiKey(key).baseUrl(url).readTimeout(Duration.ofSeconds(timeoutSeconds))
                .userAgentProduct("nexor-cli/" + NexorClient.VERSION).build();
    }

    /** Input that makes the command impossible: exit code 3, nothing sent. */
    static final class UsageProblem extends Exception {
        private static final long serialVersionUID = 1L;

        UsageProblem(String message) {
            super(message);
        }
    }
}
