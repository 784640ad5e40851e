package org.chorus.content.page.service;

import java.time.Instant;
import java.util.UUID;

import org.chorus.content.page.PagePlace;

/**
 * A version in the history list: everything but the body (up to 100,000 characters each, so a page of 100
 * versions would weigh 10 MB); {@code GET .../versions/{number}} has the body.
 */
public record PageVersionSummary(
        int number,
        String name,
        String title,
        String url,
        String language,
        int index,
        PagePlace place,
        int descriptionLength,
        Instant savedAt,
        UUID savedBy) {}
