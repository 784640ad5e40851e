package org.chorus.content.page.service;

import java.util.UUID;

import org.chorus.content.page.PagePlace;

/** A page found by a search, without its body; the score (higher is better) orders the hits. */
public record PageHit(
        UUID id, String name, String title, String url, String language, int index, PagePlace place, float score) {}
