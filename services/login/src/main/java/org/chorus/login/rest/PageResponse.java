package org.chorus.login.rest;

import java.util.List;

/** A page of a list, with the opaque cursor of the next page (null on the last one). */
public record PageResponse<T>(List<T> items, String nextCursor) {}
