package org.chorus.infra;

/** How one service connects: as its own role, which owns only its own schema. */
public record ServiceDatabase(String jdbcUrl, String username, String password) {}
