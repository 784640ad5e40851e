package org.chorus.content.page.rest;

import java.util.List;

import org.chorus.content.page.service.PageHit;

/** A page of search hits, best first, and the next page's cursor (null on the last). */
public record PageHitList(List<PageHit> items, String nextCursor) {}
