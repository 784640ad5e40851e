package org.chorus.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string with a character no Chorus text may hold (NUL: PostgreSQL cannot store it and would fail the
 * request with a 500). Jackson adds the field's path on the way out, so the problem names the field.
 */
public class ForbiddenCharacterException extends MismatchedInputException {

    ForbiddenCharacterException(JsonParser parser) {
        super(parser, "A string contains a NUL character", String.class);
    }
}
