package org.chorus.local.bad;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What an answer to a malformed request may not be: a 5xx, a 4xx outside the problem+json contract, or a leak. */
public final class Verdict {

    /** Traces of the implementation: a stack frame, an exception's or a JDK package's name. */
    static final Pattern LEAK = Pattern.compile("at org\\.|at java\\.|at io\\.|Exception|java\\.[a-z]+\\.|\\bCaused by:");

    private Verdict() {
    }

    /** Every rule the answer breaks, empty when it keeps them all. */
    public static List<String> of(RawHttp.Answer answer) {
        List<String> broken = new ArrayList<>();
        int status = answer.status();
        if (status >= 500) {
            broken.add(status + " (a server error for client input)");
        }
        if (status >= 400 && status < 500) {
            String type = answer.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                broken.add(status + " with Content-Type " + type + " instead of application/problem+json");
            }
            if (answer.header("X-Request-Id") == null) {
                broken.add(status + " without X-Request-Id");
            }
        }
        var leak = LEAK.matcher(answer.text());
        if (leak.find()) {
            broken.add(status + " whose body leaks \"" + leak.group() + "\": " + snippet(answer.text(), leak.start()));
        }
        return broken;
    }

    private static String snippet(String text, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(text.length(), at + 100);
        return text.substring(from, to).replace('\n', ' ');
    }
}
