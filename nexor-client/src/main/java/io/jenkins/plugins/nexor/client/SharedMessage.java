package io.jenkins.plugins.nexor.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The message of a bulk run that every lead shares, checked once before the leads are read: a problem that no lead
 * can escape (no channel, a workflow id that is not a UUID, a WhatsApp text without content when the file has no
 * content column) is one error, not one per row. The CLI and the plugin both check it before sending. A problem a per-lead column may fix is left to each row: the
 * shared message is validated with every combination of the file's per-lead columns either empty or holding a good
 * value, and only the problems found in all of them are common to every lead.
 */
public final class SharedMessage {
    /** Any lead: the lead is each row's, not the shared message's. */
    private static final String SOME_LEAD = "00000000-0000-4000-8000-000000000000";
    /** A value each per-lead column may hold that breaks no rule. */
    private static final Map<String, String> GOOD = Map.of("content", "x", "html", "<p>x</p>", "subject", "x",
            "components", "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]}]",
            "begin_message", "x");

    private SharedMessage() {}

    /** The per-lead columns a leads source may fill. */
    public static final Set<String> PER_LEAD = Set.of("content", "html", "subject", "components", "begin_message");

    /**
     * The problems (errors and warnings) every lead would have, in field order.
     *
     * @param columns the per-lead columns the leads may fill ({@link RecipientSource#perLeadColumns()})
     */
    public static List<Problem> commonProblems(MessageRequest.Builder shared, Set<String> columns) {
        List<String> cols = columns.stream().filter(GOOD::containsKey).sorted().toList();
        List<Problem> common = new ArrayList<>(validate(shared, cols, 0));
        for (int filled = 1; filled < 1 << cols.size() && !common.isEmpty(); filled++) {
            Set<String> found = new HashSet<>();
            for (Problem p : validate(shared, cols, filled)) {
                found.add(key(p));
            }
            common.removeIf(p -> !found.contains(key(p)));
        }
        return common;
    }

    private static List<Problem> validate(MessageRequest.Builder shared, List<String> cols, int filled) {
        MessageRequest.Builder b = shared.copy().leadId(SOME_LEAD);
        for (int i = 0; i < cols.size(); i++) {
            if ((filled & 1 << i) != 0) {
                String value = GOOD.get(cols.get(i));
                switch (cols.get(i)) {
                    case "content" -> b.content(value);
                    case "html" -> b.html(value);
                    case "subject" -> b.subject(value);
                    case "components" -> b.components(value);
                    default -> b.beginMessage(value);
                }
            }
        }
        return b.validate().problems().stream().filter(p -> p.field() != Field.LEAD_ID).toList();
    }

    private static String key(Problem p) {
        return p.field() + " " + p.severity() + " " + p.code();
    }

    /** True when a per-lead column could give each lead its own value for the field of this problem. */
    public static boolean perLead(Problem p) {
        return PER_LEAD.contains(p.field().apiName());
    }
}
