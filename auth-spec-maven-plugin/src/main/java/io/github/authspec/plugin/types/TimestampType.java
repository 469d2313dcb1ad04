package io.github.authspec.plugin.types;

/**
 * How the spec's TIMESTAMP maps (parameter {@code timestamps}): {@link #LOCAL} is
 * {@code timestamp} without time zone and {@code LocalDateTime}; {@link #INSTANT} and
 * {@link #OFFSET} are {@code timestamptz} with {@code Instant} or {@code OffsetDateTime}.
 */
public enum TimestampType {
  LOCAL,
  INSTANT,
  OFFSET;

  /** Whether the column is {@code timestamptz}. */
  public boolean withTimeZone() {
    return this != LOCAL;
  }
}
