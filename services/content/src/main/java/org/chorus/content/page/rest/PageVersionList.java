package org.chorus.content.page.rest;

import java.util.List;

import org.chorus.content.page.service.PageVersionSummary;

/** A page of a page's versions, newest first, and the next page's cursor (null on the last). */
public record PageVersionList(List<PageVersionSummary> items, String nextCursor) {}
