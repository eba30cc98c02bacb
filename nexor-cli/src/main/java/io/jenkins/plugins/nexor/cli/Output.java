package io.jenkins.plugins.nexor.cli;

import io.jenkins.plugins.nexor.client.MessageResult;
import io.jenkins.plugins.nexor.client.Problem;
import io.jenkins.plugins.nexor.client.WireFormat;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How results and problems are printed: an aligned table for people, JSON ({@code --json}) for scripts. */
final class Output {
    private Output() {}

    static void result(PrintWriter out, MessageResult r, boolean json) {
        if (json) {
            out.println(new String(WireFormat.writeResult(r), StandardCharsets.UTF_8));
            return;
        }
        fields(r).forEach((k, v) -> {
            if (v != null) {
                out.printf("%-20s %s%n", k, v);
            }
        });
    }

    private static Map<String, String> fields(MessageResult r) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("channel", r.channel());
        rows.put("type", r.type());
        rows.put("message_id", r.messageId());
        rows.put("provider_message_id", r.providerMessageId());
        rows.put("activity_id", r.activityId());
        rows.put("call_id", r.callId());
        rows.put("call_status", r.callStatus());
        return rows;
    }

    /** A result's ids on one line, e.g. {@code message_id=…, provider_message_id=wamid.…}. */
    static String ids(MessageResult r) {
        StringBuilder ids = new StringBuilder();
        fields(r).forEach((k, v) -> {
            if (v != null && !k.equals("channel") && !k.equals("type")) {
                ids.append(ids.length() == 0 ? "" : ", ").append(k).append('=').append(v);
            }
        });
        return ids.length() == 0 ? "Nexor gave no ids" : ids.toString();
    }

    /**
     * One line per problem, in the CLI's words ({@link CliWords#forOptions}): {@code error: --template must be a
     * UUID …}; a message that does not name its option gets it in front.
     */
    static void problems(PrintWriter err, List<Problem> problems) {
        for (Problem p : problems) {
            String message = CliWords.forOptions(p.message());
            String option = CliWords.option(p.field());
            err.println((p.isError() ? "error: " : "warning: ") + (mentions(message, option) ? "" : option + ": ")
                    + message);
        }
    }

    private static boolean mentions(String message, String option) {
        return java.util.regex.Pattern.compile("(?<![\\w-])" + java.util.regex.Pattern.quote(option) + "(?![\\w-])")
                .matcher(message).find();
    }
}
