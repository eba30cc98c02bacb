package io.jenkins.plugins.nexor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Option values that may be {@code @file}: the file's content (UTF-8); anything else as given. */
final class UserInput {
    private UserInput() {}

    static String resolve(String value) throws IOException {
        if (value != null && value.startsWith("@") && value.length() > 1) {
            Path file = Path.of(value.substring(1));
            if (!Files.isReadable(file)) {
                throw new IOException("cannot read " + file + " (given as " + value + ")");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        return value;
    }
}
