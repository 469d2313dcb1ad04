package io.github.authspec.plugin.redis;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.github.authspec.model.Spec;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.naming.Words;
import io.github.authspec.plugin.types.TypeMapping;
import java.util.List;
import java.util.Optional;

/**
 * The Java type of a key placeholder. A placeholder {@code <x>Id} names the primary key of the
 * table whose singular is {@code x} ({@code userId} → {@code users.id}, {@code tenantId} →
 * {@code tenants.id}) and takes that column's Java type; every other placeholder is a String.
 */
public final class PlaceholderTypes {
  private final Spec spec;

  public PlaceholderTypes(Spec spec) {
    this.spec = spec;
  }

  /** The Java type of a placeholder's values. */
  public TypeName type(String placeholder) {
    return table(placeholder).map(t -> TypeMapping.elementType(t.primaryKey().type()))
        .orElse(ClassName.get(String.class));
  }

  /** The table whose id the placeholder names, if any. */
  Optional<Table> table(String placeholder) {
    List<String> words = Words.split(placeholder);
    if (words.size() < 2 || !words.get(words.size() - 1).equals("id")) {
      return Optional.empty();
    }
    String entity = String.join("_", words.subList(0, words.size() - 1));
    return spec.database().tables().stream()
        .filter(t -> Words.singularSnake(t.name()).equals(entity) || t.name().equals(entity))
        .filter(t -> t.primaryKey().name().equals("id"))
        .findFirst();
  }
}
