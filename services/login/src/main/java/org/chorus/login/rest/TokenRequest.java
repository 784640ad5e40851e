package org.chorus.login.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A single-use token from an e-mailed link. */
public record TokenRequest(@NotBlank @Size(max = 256) String token) {}
