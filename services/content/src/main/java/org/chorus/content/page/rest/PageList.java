package org.chorus.content.page.rest;

import java.util.List;

import org.chorus.content.page.service.PageView;

/**
 * A page of {@code GET /api/pages}, as every Chorus list answers: the items and the next page's cursor (null on
 * the last).
 */
public record PageList(List<PageView> items, String nextCursor) {}
