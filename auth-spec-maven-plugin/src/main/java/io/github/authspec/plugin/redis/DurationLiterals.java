package io.github.authspec.plugin.redis;

import com.palantir.javapoet.CodeBlock;
import java.time.Duration;

/**
 * Writes a whole-second {@link Duration} in its largest exact unit ({@code Duration.ofHours(1)},
 * not {@code ofSeconds(3600)}): easier to read, and what Error Prone's CanonicalDuration asks for.
 */
final class DurationLiterals {
  private DurationLiterals() {}

  static CodeBlock of(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return CodeBlock.of("$T.ofDays($L)", Duration.class, seconds / 86_400);
    }
    if (seconds != 0 && seconds % 3_600 == 0) {
      return CodeBlock.of("$T.ofHours($L)", Duration.class, seconds / 3_600);
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return CodeBlock.of("$T.ofMinutes($L)", Duration.class, seconds / 60);
    }
    return CodeBlock.of("$T.ofSeconds($L)", Duration.class, seconds);
  }
}
