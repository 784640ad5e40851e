package org.chorus.content.page;

/**
 * What a page says and where it is linked: everything a save writes, and what every version keeps in full.
 * {@code description} is the body, plain text or markdown stored exactly as given and never rendered here.
 */
public record PageContent(
        String name, String title, String url, String description, String language, int index, PagePlace place) {}
