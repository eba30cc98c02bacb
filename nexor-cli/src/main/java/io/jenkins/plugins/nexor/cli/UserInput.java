package io.jenkins.plugins.nexor.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Option values that may be {@code @FILE} ({@code --content}, {@code --html}, {@code --components}): the file's text
 * (UTF-8); {@code @@…} is the text {@code @…} itself (so {@code --content @@ana} sends "@ana"); anything else as
 * given.
 */
final class UserInput {
    private UserInput() {}

    /** An {@code @FILE} that cannot be read: the message names the option, the file and what is wrong. */
    static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /** @param option the option the value was given with, for messages, e.g. {@code --content} */
    static String resolve(String option, String value) throws Unreadable {
        if (value == null || !value.startsWith("@") || value.length() == 1) {
            return value;
        }
        if (value.startsWith("@@")) {
            return value.substring(1);
        }
        Path file = Path.of(value.substring(1));
        String given = option + " " + value + ": ";
        String literal = " (to send text that starts with @, write @@, e.g. " + option + " @" + value + ")";
        if (Files.isDirectory(file)) {
            throw new Unreadable(given + file + " is a directory, not a file; give the file to send, e.g. " + option
                    + " @" + file.resolve("message.txt") + literal);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable(given + "no such file " + file + literal);
        } catch (AccessDeniedException e) {
            throw new Unreadable(given + file + " cannot be read (permission denied)");
        } catch (CharacterCodingException e) {
            throw new Unreadable(given + file + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new Unreadable(given + file + " cannot be read (" + RecordOptions.reason(e) + ")");
        }
    }
}
