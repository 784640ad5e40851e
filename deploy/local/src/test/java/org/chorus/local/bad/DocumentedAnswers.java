package org.chorus.local.bad;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an answer is one its operation's OpenAPI document promises (issue 13: "a test fails the build when an
 * answer's status or body is not in the document"): its status is documented (exactly, as {@code 4XX}, or as
 * {@code default}), and a body comes with a media type that response documents — a body where the document names
 * none, or another media type, is a finding too.
 *
 * <p>414 and 431 are the gateway's edge answers to a request target or headers too large to be looked at at all:
 * they come before any operation is chosen, so the gateway's README documents them, not each operation.
 */
public final class DocumentedAnswers {

    static final Set<Integer> EDGE_STATUSES = Set.of(414, 431);

    private DocumentedAnswers() {}

    /** Every way the answer departs from the document, empty when it keeps to it. */
    public static List<String> check(Operation operation, RawHttp.Answer answer) {
        List<String> broken = new ArrayList<>();
        int status = answer.status();
        if (EDGE_STATUSES.contains(status)) {
            return broken;
        }
        String code = String.valueOf(status);
        Set<String> types = operation.responses().get(code);
        if (types == null) {
            types = operation.responses().get(code.charAt(0) + "XX");
        }
        if (types == null) {
            types = operation.responses().get("DEFAULT");
        }
        if (types == null) {
            broken.add(status + " is not among the documented responses "
                    + operation.responses().keySet());
            return broken;
        }
        if (answer.body().length == 0) {
            return broken;
        }
        String type = answer.header("Content-Type");
        String mediaType = type == null ? null : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (types.isEmpty()) {
            broken.add(status + " has a body (" + type + ") where the document names none");
        } else if (mediaType == null || types.stream().noneMatch(t -> matches(t, mediaType))) {
            broken.add(status + " answers " + type + ", the document says " + types);
        }
        return broken;
    }

    private static boolean matches(String documented, String actual) {
        String d = documented.toLowerCase(Locale.ROOT);
        if (d.equals("*/*") || d.equals(actual)) {
            return true;
        }
        return d.endsWith("/*") && actual.startsWith(d.substring(0, d.length() - 1));
    }
}
