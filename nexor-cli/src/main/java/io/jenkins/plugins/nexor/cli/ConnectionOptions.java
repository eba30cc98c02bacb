package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.NexorClient;
import io.jenkins.plugins.nexor.client.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where to send and with which key. The key comes from {@code NEXOR_API_KEY} or {@code --api-key-file}, never from a
 * plain option (it would land in shell history and process lists).
 */
final class ConnectionOptions {
    @Option(names = "--base-url", paramLabel = "URL",
            description = "Nexor's API (default: $NEXOR_BASE_URL, else " + NexorClient.DEFAULT_BASE_URL + ")")
    String baseUrl;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "file holding the API key (default: the NEXOR_API_KEY environment variable)")
    Path apiKeyFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "longest wait for Nexor's answer (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    /** The key, or an explanation of what is missing (never the key itself). */
    String apiKey(Map<String, String> env) throws IOException, UsageProblem {
        String key;
        if (apiKeyFile != null) {
            if (!Files.isReadable(apiKeyFile)) {
                throw new UsageProblem("cannot read the API key file " + apiKeyFile);
            }
            key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
        } else {
            key = env.get("NEXOR_API_KEY");
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

    String baseUrl(Map<String, String> env) {
        if (baseUrl != null) {
            return baseUrl;
        }
        String fromEnv = env.get("NEXOR_BASE_URL");
        return fromEnv == null || fromEnv.isBlank() ? NexorClient.DEFAULT_BASE_URL : fromEnv;
    }

    NexorClient client(Map<String, String> env) throws IOException, UsageProblem {
        String url = baseUrl(env);
        Validation v = Validation.ofBaseUrl(url);
        if (v.hasErrors()) {
            throw new UsageProblem(v.errors().get(0).message());
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw new UsageProblem("--timeout must be 1 to 300 seconds");
        }
        return NexorClient.builder().apiKey(apiKey(env)).baseUrl(url).readTimeout(Duration.ofSeconds(timeoutSeconds))
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
