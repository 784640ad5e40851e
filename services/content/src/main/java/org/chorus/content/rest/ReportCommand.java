package org.chorus.content.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/reports}. */
public record ReportCommand(
        @NotNull @Pattern(regexp = "post|comment|user", message = "must be post, comment or user") String targetKind,
        @NotNull @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                message = "must be a UUID") String targetId,
        @NotNull @Pattern(regexp = ReportCommand.REASONS,
                message = "must be one of spam, harassment, hate, violence, sexual, misinformation, illegal, other")
        String reason,
        @PlainText(min = 0, max = 1000) String comment) {

    static final String REASONS = "spam|harassment|hate|violence|sexual|misinformation|illegal|other";
}
