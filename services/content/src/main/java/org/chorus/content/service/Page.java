package org.chorus.content.service;

import java.util.List;

import org.chorus.web.KeysetCursor;

/** One page of a list and where the next one starts (null when this is the last). */
public record Page<T>(List<T> items, KeysetCursor next) {
}
