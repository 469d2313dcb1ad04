package io.github.authspec.model;

/** {@code leftPanel.infrastructure}: which outputs exist. Products are validated already. */
public record Infrastructure(
    boolean databaseEnabled, String database, boolean cacheEnabled, String cache) {}
