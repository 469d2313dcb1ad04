package io.github.authspec.model;

import java.util.Optional;

/**
 * {@code diagram.cache.settings}: {@code maxMemory} as Redis writes it ({@code 256mb}) and the
 * {@code maxmemory-policy}. Both validated against what Redis accepts.
 */
public record CacheSettings(Optional<String> maxMemory, Optional<String> evictionPolicy) {}
