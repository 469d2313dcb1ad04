package io.github.authspec.model;

/** {@code leftPanel.architecture}; only {@code synchronous} + {@code maven} pass validation. */
public record Architecture(String model, String build) {}
