package io.github.authspec.plugin.generation;

import java.util.List;

/**
 * One artifact kind (entities, repositories, Redis keys, services, clients, migrations): a pure
 * function from the context to rendered files. Generators never touch the disk; problems they
 * find are added to the context's problems list and stop the run before anything is written.
 */
public interface Generator {
  /** A short name for the log, e.g. {@code entities}. */
  String name();

  List<GeneratedFile> generate(GenerationContext context);
}
