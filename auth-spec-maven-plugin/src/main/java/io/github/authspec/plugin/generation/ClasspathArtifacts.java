package io.github.authspec.plugin.generation;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The artifacts on the project's compile classpath ({@code groupId:artifactId}, direct and
 * transitive), as plain data, so the dependency check needs no Maven. {@link #unchecked()} when
 * they are not known or the user opted out: then nothing is reported.
 *
 * @param checked whether {@link #artifacts} is the project's real compile classpath
 * @param artifacts {@code groupId:artifactId} of each artifact, sorted
 */
public record ClasspathArtifacts(boolean checked, Set<String> artifacts) {

  public ClasspathArtifacts {
    artifacts = Collections.unmodifiableSortedSet(new TreeSet<>(artifacts));
  }

  /** No check: tests and callers outside Maven, or {@code skipDependencyCheck}. */
  public static ClasspathArtifacts unchecked() {
    return new ClasspathArtifacts(false, Set.of());
  }

  /** The project's compile classpath, as {@code groupId:artifactId} strings. */
  public static ClasspathArtifacts of(Collection<String> coordinates) {
    return new ClasspathArtifacts(true, Set.copyOf(coordinates));
  }

  /** The library when the check is on and the classpath lacks it. */
  public Optional<Library> missing(Library library) {
    return checked && !artifacts.contains(library.coordinates()) ? Optional.of(library)
        : Optional.empty();
  }

  /** Whether the project's classpath is known and holds the library. */
  public boolean has(Library library) {
    return checked && artifacts.contains(library.coordinates());
  }

  /**
   * What the up-to-date check must see: only the presence of the libraries generated code can
   * need, so an unrelated dependency change does not regenerate, and a removed one is noticed.
   */
  public String fingerprintText() {
    if (!checked) {
      return "unchecked";
    }
    return Arrays.stream(Library.values()).filter(l -> missing(l).isEmpty())
        .map(Library::coordinates).collect(Collectors.joining(",", "[", "]"));
  }
}
