package org.chorus.users.service;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.chorus.users.Visibility;

/**
 * What a user may change about their profile. An absent (or null) field stays as it is; an empty
 * string clears it. Nothing else (id, username, roles, counters) can be written: the REST layer
 * reads this record strictly, so such fields are refused rather than ignored.
 */
public record ProfileUpdate(
        @Size(max = 50) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String displayName,

        @Size(max = 500)
        @Pattern(
                regexp = "[\\n\\r\\t\\P{Cntrl}]*",
                message = "must not contain control characters other than new lines")
        String bio,

        @Size(max = 200) @Pattern(regexp = "|(?i)https?://[^\\s/?#]+[^\\s]*", message = "must be an http or https URL")
        String website,

        @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String location,

        @Size(max = 20)
        @Pattern(regexp = "|[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag such as en or pt-BR")
        String language,

        Visibility visibility) {}
