package io.github.authspec.model;

/**
 * {@code leftPanel.project}: Maven coordinates, display name, description and the base Java
 * package of everything generated.
 */
public record Project(
    String group, String artifact, String name, String description, String packageName) {}
