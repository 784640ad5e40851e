package org.chorus.content.page.rest;

/** The shape of a page's fields, shared by the create and patch bodies and the paths and filters that name them. */
final class PageRules {

    /** lower-case [a-z0-9-] segments separated by "/", no leading or trailing slash */
    static final String URL = "[a-z0-9-]+(/[a-z0-9-]+)*";

    static final String URL_MESSAGE = "must be lower-case a-z, 0-9 and - segments separated by /";
    static final int URL_MAX = 200;

    /** at least one visible character, no control characters (a name or title is one line) */
    static final String LINE = "(?=.*\\S)[^\\p{Cntrl}]*";

    static final String LINE_MESSAGE = "must not be blank or contain control characters";

    /** the body may hold any text but NUL, which PostgreSQL cannot store */
    static final String TEXT = "[^\\x00]*";

    static final String TEXT_MESSAGE = "must not contain NUL characters";
    static final int DESCRIPTION_MAX = 100_000;

    /** a language tag such as en or pt-BR */
    static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*";

    static final String LANGUAGE_MESSAGE = "must be a language tag such as en or pt-BR";
    static final int LANGUAGE_MAX = 16;

    private PageRules() {}

    static boolean isUrl(String value) {
        return value.length() <= URL_MAX && value.matches(URL);
    }

    static boolean isLanguage(String value) {
        return value.length() <= LANGUAGE_MAX && value.matches(LANGUAGE);
    }
}
