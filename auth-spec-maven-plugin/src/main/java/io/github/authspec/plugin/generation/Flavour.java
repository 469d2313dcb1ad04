package io.github.authspec.plugin.generation;

/** Which framework the generated code is wired for, on top of the plain JDK output. */
public enum Flavour {
  /** Plain JDK code only: the output every other flavour builds on. */
  NONE,
  /**
   * Adds one Spring Boot auto-configuration (package {@code <base>.spring}) with its
   * {@code @ConfigurationProperties}, their IDE metadata and the
   * {@code AutoConfiguration.imports} entry; the plain output is unchanged.
   */
  SPRING_BOOT
}
