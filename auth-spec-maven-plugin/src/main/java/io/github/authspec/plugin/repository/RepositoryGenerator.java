package io.github.authspec.plugin.repository;

import io.github.authspec.model.Table;
import io.github.authspec.plugin.generation.GeneratedFile;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.generation.Generator;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.naming.SupportType;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One repository per table over a {@link DataSource}. Every operation also takes a caller's
 * {@link Connection}, so it joins the caller's transaction. SQL is parameterised; identifiers
 * come from {@link Naming#sqlIdentifier}. Shared plumbing ({@code JdbcSupport},
 * {@code RepositoryException}) is rendered once from templates; each repository is written by
 * a {@link RepositoryWriter}.
 */
public final class RepositoryGenerator implements Generator {
  @Override
  public String name() {
    return "repositories";
  }

  @Override
  public List<GeneratedFile> generate(GenerationContext context) {
    if (!context.spec().infrastructure().databaseEnabled()
        || context.spec().database().tables().isEmpty()) {
      return List.of();
    }
    Naming naming = context.naming();
    List<GeneratedFile> files = new ArrayList<>();
    files.add(context.support(RepositoryGenerator.class, SupportType.JDBC_SUPPORT));
    files.add(context.support(RepositoryGenerator.class, SupportType.REPOSITORY_EXCEPTION));
    for (Table table : context.spec().database().tables()) {
      files.add(context.at(table.pointer(), () -> context.java(RepositoryGenerator.class,
          naming.repositoryPackage(),
          new RepositoryWriter(table, naming, context.request().timestamps()).repository())));
    }
    return files;
  }

}
