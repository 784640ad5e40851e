package org.chorus.content;

/** What a reaction or a report is about; the wire names are the lower-case constants. */
public final class TargetKind {

    public static final String POST = "post";
    public static final String COMMENT = "comment";
    public static final String USER = "user";

    private TargetKind() {
    }
}
