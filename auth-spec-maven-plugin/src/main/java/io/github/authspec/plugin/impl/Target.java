package io.github.authspec.plugin.impl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.RedisKey;
import io.github.authspec.model.SqlType;
import io.github.authspec.plugin.generation.JavaFiles;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.types.TimestampType;
import io.github.authspec.plugin.types.TypeMapping;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * What a writer needs to name things: the class to write, the interface it implements, the id
 * type, the support classes' package, and a class skeleton that documents the bindings.
 *
 * @param self the implementation class
 * @param service the interface it implements
 * @param userId the type of {@code users.id}
 * @param naming the run's naming
 * @param selected the interfaces of every selected feature, by feature id
 * @param spec the spec
 * @param timestamps how the spec's TIMESTAMP columns are typed in SQL
 * @param credentials the generated {@code Credentials}, when the spec binds a credential store
 * @param denies whether {@code Credentials} also denies the access tokens of the refresh
 *     families it ends (the spec binds the deny-list and the run signs access tokens)
 * @param conditions how the authorization implementations evaluate grant conditions
 */
record Target(ClassName self, ClassName service, TypeName userId, Naming naming,
    Map<String, ClassName> selected, io.github.authspec.model.Spec spec,
    TimestampType timestamps, java.util.Optional<ClassName> credentials, boolean denies,
    io.github.authspec.plugin.generation.Conditions conditions) {

  /** This target for another class and interface. */
  Target of(ClassName self, ClassName service) {
    return new Target(self, service, userId, naming, selected, spec, timestamps,
        credentials, denies, conditions);
  }

  /**
   * {@code this.credentials = Credentials.of(...)} ({@link #credentialsOf}) and its field, when
   * the spec binds a credential store; the constructor must have {@code dataSource} and
   * {@code clock}.
   *
   * @param doc takes the Javadoc of each parameter added to {@code constructor}
   * @return whether the class ends credentials
   */
  boolean endsCredentials(TypeSpec.Builder type, MethodSpec.Builder constructor,
      java.util.function.Consumer<String> doc) {
    credentials.ifPresent(c -> {
      type.addField(field(support("token", "AccountCredentials"), "credentials"));
      constructor.addStatement("this.credentials = $L", credentialsOf(constructor, doc));
    });
    return credentials.isPresent();
  }

  /**
   * {@code Credentials.of(dataSource, clock)}, and the deny-list's {@code redis} and the access
   * tokens' {@code accessTokens} when it {@link #denies}: those two are added to
   * {@code constructor} unless it has them (their Javadoc to {@code doc}). Without a credential
   * store, credentials that end nothing.
   */
  CodeBlock credentialsOf(MethodSpec.Builder constructor, java.util.function.Consumer<String> doc) {
    if (credentials.isEmpty()) {
      return CodeBlock.of("$T.builder().build()", support("token", "AccountCredentials"));
    }
    if (!denies) {
      return credentialsCall();
    }
    java.util.Set<String> has = new java.util.HashSet<>();
    constructor.build().parameters().forEach(p -> has.add(p.name()));
    if (has.add("redis")) {
      constructor.addParameter(support("RedisScripts"), "redis");
      doc.accept("@param redis runs the deny-list's scripts\n");
    }
    if (has.add("accessTokens")) {
      constructor.addParameter(support("token", "AccessTokenSettings"), "accessTokens");
      doc.accept("@param accessTokens how long an access token lives (its grant stays denied "
          + "that long)\n");
    }
    return credentialsCall();
  }

  /** {@code Credentials.of(...)} over parameters the caller already has. */
  CodeBlock credentialsCall() {
    return CodeBlock.of(denies ? "$T.of(dataSource, clock, redis, accessTokens)"
        : "$T.of(dataSource, clock)", credentials.orElseThrow());
  }

  /** {@code credentials.end(userId, AccountCredentials.Change.<change>)}. */
  CodeBlock endCredentials(String userId, String change) {
    return CodeBlock.of("credentials.end($N, $T.Change.$L)", userId,
        support("token", "AccountCredentials"), change);
  }

  /**
   * The SQL type of the spec's TIMESTAMP columns ({@code timestamp} or {@code timestamptz}):
   * where SQL arithmetic needs a typed time, a cast names the column's own type, so the bound
   * instant keeps its meaning ({@code SqlTime}).
   */
  String timeType() {
    return TypeMapping.postgresElementName(SqlType.TIMESTAMP, timestamps);
  }

  /** The interface of another feature, when it is selected too. */
  java.util.Optional<ClassName> other(String feature) {
    return java.util.Optional.ofNullable(selected.get(feature));
  }

  /** A constructor parameter's null check, or the assignment of an optional one. */
  static CodeBlock required(String name) {
    return CodeBlock.of("this.$N = $T.requireNonNull($N, $S)", name, java.util.Objects.class,
        name, name);
  }

  /** A support class of area {@code auth} (or another area), in its generated package. */
  ClassName support(String simpleName) {
    return ClassName.get(naming.supportPackage("auth"), simpleName);
  }

  ClassName support(String area, String simpleName) {
    return ClassName.get(naming.supportPackage(area), simpleName);
  }

  /** A shared type of the service package ({@code RequestContext}, {@code Challenge}, ...). */
  ClassName shared(String simpleName) {
    return ClassName.get(naming.servicePackage(), simpleName);
  }

  /**
   * {@code public final class <self> implements <service>}, with a Javadoc that states what it
   * does and which column or key each role is bound to, and how it was found.
   */
  TypeSpec.Builder skeleton(Binding binding, String summary) {
    CodeBlock.Builder doc = CodeBlock.builder().add("$L\n\n", JavaFiles.javadocText(summary))
        .add("<p>Bound to the spec (role: column or key, found by):\n<ul>\n");
    for (Map.Entry<String, Column> e : new java.util.TreeMap<>(binding.columns()).entrySet()) {
      doc.add("<li>{@code $L}: {@code $L} ($L)</li>\n", e.getKey(),
          e.getValue().qualifiedName(), binding.how().get(e.getKey()));
    }
    for (Map.Entry<String, java.util.List<RedisKey>> e
        : new java.util.TreeMap<>(binding.keys()).entrySet()) {
      doc.add("<li>{@code $L}: $L ($L)</li>\n", e.getKey(), String.join(", ", e.getValue()
          .stream().map(k -> "{@code " + k.pattern().text() + "}").toList()),
          binding.how().get(e.getKey()));
    }
    doc.add("</ul>\n\n<p>Generated by auth-spec; do not edit.\n");
    return TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(service).addJavadoc(doc.build());
  }

  /** A private final field set by the constructor. */
  static FieldSpec field(TypeName type, String name) {
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).build();
  }

  /** An {@code @Override public} method of the interface. */
  static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC);
  }
}
