package io.jenkins.plugins.nexor.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A wrong command line (exit 2): one line that says what is wrong and how to fix it, the command's one usage line,
 * and where its help is; not the whole help, which would bury the error. No user input is quoted back beyond a
 * short, masked excerpt ({@link Redactor#excerpt}): a key typed in the wrong place is never printed, and a value for
 * {@code --api-key} (which does not exist) not at all.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    static final String NO_API_KEY_OPTION = "there is no --api-key option: the API key comes from NEXOR_API_KEY or "
            + "--api-key-file FILE, never from the command line (the shell's history and the process list would keep "
            + "it). What you gave was not printed; if it was your key, remove it from the shell's history.";

    private final Redactor redactor;

    UsageErrors(Redactor redactor) {
        this.redactor = redactor;
    }

    /** A wrong command line found by a command itself (a value out of range, options that do not go together). */
    static ParameterException wrong(CommandSpec spec, String message) {
        return new Ours(spec.commandLine(), message);
    }

    /** Our own words: printed as they are. */
    private static final class Ours extends ParameterException {
        private static final long serialVersionUID = 1L;

        Ours(CommandLine cmd, String message) {
            super(cmd, message);
        }
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + message(e, args));
        usage(err, cmd);
        return ExitCodes.USAGE;
    }

    /** The command's usage line and where its help is. */
    static void usage(PrintWriter err, CommandLine cmd) {
        err.println(usageLine(cmd));
        seeHelp(err, cmd);
    }

    /** {@code Usage: nexor send --lead UUID …}: one line. */
    static String usageLine(CommandLine cmd) {
        String[] synopsis = cmd.getCommandSpec().usageMessage().customSynopsis();
        return "Usage: " + (synopsis.length > 0 ? String.join(" ", synopsis).strip()
                : cmd.getHelp().abbreviatedSynopsis().strip());
    }

    /** Where the command's help is. */
    static void seeHelp(PrintWriter err, CommandLine cmd) {
        CommandSpec spec = cmd.getCommandSpec();
        err.println("See '" + spec.qualifiedName() + " --help' for " + (spec.parent() == null
                ? "the commands, or 'nexor COMMAND --help' for a command's options and examples."
                : "its options and examples."));
        err.flush();
    }

    private String message(ParameterException e, String[] args) {
        if (e instanceof Ours) {
            return e.getMessage();
        } else if (e instanceof UnmatchedArgumentException u) {
            return unmatched(u, args);
        } else if (e instanceof MissingParameterException m) {
            return missing(m);
        } else if (e instanceof OverwrittenOptionException o && o.getOverwritten() != null) {
            return name(o.getOverwritten()) + " is given more than once: give it once";
        } else if (e.getArgSpec() instanceof OptionSpec option && e.getValue() != null) {
            if (option.type() == boolean.class || option.type() == Boolean.class) {
                return name(option) + " takes no value: write " + name(option) + " alone";
            }
            return name(option) + " " + option.paramLabel() + ": \"" + redactor.excerpt(e.getValue()) + "\" is not "
                    + expected(option);
        }
        return quotedParts(e.getMessage());
    }

    private String unmatched(UnmatchedArgumentException u, String[] args) {
        List<String> unmatched = u.getUnmatched();
        if (unmatched.stream().anyMatch(a -> a.equals("--api-key") || a.startsWith("--api-key="))) {
            return NO_API_KEY_OPTION;
        }
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        CommandSpec spec = u.getCommandLine().getCommandSpec();
        if (first.startsWith("-") && first.length() > 1) {
            String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            String maybe = suggestions(u, spec);
            return "unknown option " + quote(name) + " for " + spec.qualifiedName() + (maybe.isEmpty() ? ""
                    : "; " + maybe);
        }
        if (spec.parent() == null) {
            String maybe = suggestions(u, spec);
            return "unknown command " + quote(first) + (maybe.isEmpty() ? "" : " (" + maybe + ")")
                    + "; the commands are " + String.join(", ", spec.subcommands().keySet());
        }
        int at = Arrays.asList(args).lastIndexOf(first);
        return "unexpected argument " + quote(first) + (at >= 0 ? " (argument " + (at + 1) + ")" : "") + ": "
                + spec.qualifiedName() + " takes options only; a value with spaces needs quotes, e.g. "
                + "--content 'Hola Ana'";
    }

    /** "did you mean --lead?", with names of ours only; empty without any. */
    private static String suggestions(UnmatchedArgumentException u, CommandSpec spec) {
        Set<String> ours = new TreeSet<>(spec.subcommands().keySet());
        spec.options().forEach(o -> ours.addAll(Arrays.asList(o.names())));
        List<String> names = u.getSuggestions().stream().map(s -> s.substring(s.lastIndexOf(' ') + 1))
                .filter(ours::contains).distinct().limit(3).toList();
        return names.isEmpty() ? "" : "did you mean " + String.join(" or ", names) + "?";
    }

    private static String missing(MissingParameterException m) {
        List<ArgSpec> specs = m.getMissing();
        if (!m.getMessage().startsWith("Missing required option") && specs.size() == 1
                && specs.get(0) instanceof OptionSpec option) { // "Missing required parameter", "Expected parameter"
            return name(option) + " needs a value: " + name(option) + " " + option.paramLabel();
        }
        String list = specs.stream().map(s -> s instanceof OptionSpec o ? name(o) + " " + o.paramLabel()
                : s.paramLabel()).collect(Collectors.joining(", "));
        return "missing " + (list.isEmpty() ? "a required option" : list);
    }

    /** The longest name of an option, e.g. {@code --lead}. */
    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
    }

    private static String expected(OptionSpec option) {
        Class<?> type = option.type();
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        } else if (type == double.class || type == Double.class) {
            return "a number";
        } else if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(
                    java.util.Locale.ROOT)).collect(Collectors.joining(", "));
        }
        return "valid here";
    }

    private String quote(String input) {
        return "\"" + redactor.excerpt(input) + "\"";
    }

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    /** Any other message of picocli: each value it quotes cut to an excerpt. */
    private String quotedParts(String message) {
        Matcher m = QUOTED.matcher(String.valueOf(message));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(quote(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
