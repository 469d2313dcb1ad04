package io.github.authspec.plugin.spring;

import static io.github.authspec.plugin.spring.SpringTypes.GRANTED_AUTHORITY;
import static io.github.authspec.plugin.spring.SpringTypes.SIMPLE_GRANTED_AUTHORITY;
import static io.github.authspec.plugin.spring.SpringTypes.SPRING_USER;
import static io.github.authspec.plugin.spring.SpringTypes.USERNAME_NOT_FOUND;
import static io.github.authspec.plugin.spring.SpringTypes.USER_DETAILS;
import static io.github.authspec.plugin.spring.SpringTypes.USER_DETAILS_SERVICE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.model.Column;
import io.github.authspec.model.SqlType;
import io.github.authspec.model.Table;
import io.github.authspec.plugin.naming.Naming;
import io.github.authspec.plugin.types.TimestampType;
import io.github.authspec.plugin.types.TypeMapping;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Spring Security's {@code UserDetailsService} over the users table: the username is the unique
 * {@code email}, the password the stored {@code password_hash}; the account state comes from the
 * timestamp columns the table has ({@code deleted_at}, {@code suspended_until},
 * {@code account_locked_until}, {@code lockout_until}, {@code password_expires_at}) and the
 * authorities from {@code user_roles} → {@code roles.name}. Written only when the spec has such a
 * users table.
 */
final class UserDetailsWriter {
  static final String CLASS = "AuthSpecUserDetailsService";
  static final String PASSWORD_SERVICE = "AuthSpecUserDetailsPasswordService";

  /** Roles reached through a link table: {@code user_roles.user_id/role_id → roles.name}. */
  record RoleLink(Table link, Column userId, Column roleId, Table roles, Column name) {}

  private final Table users;
  private final Column username;
  private final Column password;
  private final Optional<RoleLink> roles;
  private final Naming naming;
  private final String packageName;
  private final TimestampType timestamps;

  private UserDetailsWriter(Table users, Column username, Column password,
      Optional<RoleLink> roles, Naming naming, String packageName, TimestampType timestamps) {
    this.users = users;
    this.username = username;
    this.password = password;
    this.roles = roles;
    this.naming = naming;
    this.packageName = packageName;
    this.timestamps = timestamps;
  }

  /** A writer when {@code tables} has {@code users(email unique, password_hash)}. */
  static Optional<UserDetailsWriter> of(List<Table> tables, Naming naming, String packageName,
      TimestampType timestamps) {
    Optional<Table> users = table(tables, "users");
    Optional<Column> email = users.flatMap(t -> t.column("email")).filter(Column::unique)
        .filter(c -> c.type().family() == SqlType.Family.TEXT && !c.array());
    Optional<Column> hash = users.flatMap(t -> t.column("password_hash"))
        .filter(c -> c.type().family() == SqlType.Family.TEXT && !c.array());
    if (email.isEmpty() || hash.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new UserDetailsWriter(users.get(), email.get(), hash.get(),
        roleLink(tables, users.get()), naming, packageName, timestamps));
  }

  private static Optional<RoleLink> roleLink(List<Table> tables, Table users) {
    Optional<Table> link = table(tables, "user_roles");
    Optional<Table> roles = table(tables, "roles");
    if (link.isEmpty() || roles.isEmpty()) {
      return Optional.empty();
    }
    Optional<Column> userId = link.get().column("user_id").filter(c -> !c.unique())
        .filter(c -> references(c, users));
    Optional<Column> roleId = link.get().column("role_id").filter(c -> !c.nullable())
        .filter(c -> references(c, roles.get()));
    Optional<Column> name = roles.get().column("name")
        .filter(c -> c.type().family() == SqlType.Family.TEXT && !c.array() && !c.nullable());
    if (userId.isEmpty() || roleId.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RoleLink(link.get(), userId.get(), roleId.get(), roles.get(),
        name.get()));
  }

  private static boolean references(Column c, Table target) {
    return c.foreignKey().filter(fk -> fk.target().table() == target
        && fk.target().primaryKey()).isPresent() && !c.array();
  }

  private static Optional<Table> table(List<Table> tables, String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  ClassName type() {
    return ClassName.get(packageName, CLASS);
  }

  ClassName passwordServiceType() {
    return ClassName.get(packageName, PASSWORD_SERVICE);
  }

  /** Spring Security's {@code UserDetailsPasswordService}, see {@link PasswordServiceWriter}. */
  TypeSpec passwordService() {
    return PasswordServiceWriter.passwordService(naming, users, username, password);
  }

  ClassName usersRepository() {
    return repository(users);
  }

  /**
   * The user id of a username, from the users repository: an {@code Optional} of the primary
   * key.
   */
  CodeBlock idOf(CodeBlock repository, CodeBlock name) {
    ClassName entity = ClassName.get(naming.entityPackage(), naming.entityName(users));
    return CodeBlock.of("$L$Z.$N($L)$Z.map($T::$N)", repository, naming.finderName(username), name,
        entity, naming.memberName(users.primaryKey()));
  }

  Optional<ClassName> linkRepository() {
    return roles.map(r -> repository(r.link()));
  }

  Optional<ClassName> rolesRepository() {
    return roles.map(r -> repository(r.roles()));
  }

  private ClassName repository(Table t) {
    return ClassName.get(naming.repositoryPackage(), naming.repositoryName(t));
  }

  TypeSpec service() {
    ClassName entity = ClassName.get(naming.entityPackage(), naming.entityName(users));
    TypeSpec.Builder type = TypeSpec.classBuilder(CLASS)
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(USER_DETAILS_SERVICE)
        .addJavadoc("Spring Security's users: table {@code $L}, username {@code $L}, password "
            + "{@code $L} (read by the {@code PasswordEncoder} bean).\n\n<p>An account is "
            + "$L. Times are compared in the clock's zone. Generated by auth-spec; do not "
            + "edit.\n", users.name(), username.name(), password.name(), stateDoc())
        .addField(usersRepository(), "users", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addParameter(usersRepository(), "users")
        .addJavadoc("@param users the {@code $L} rows\n", users.name())
        .addStatement("this.users = $T.requireNonNull(users, $S)", Objects.class, "users");
    roles.ifPresent(r -> {
      type.addField(linkRepository().orElseThrow(), "links", Modifier.PRIVATE, Modifier.FINAL)
          .addField(rolesRepository().orElseThrow(), "roles", Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(linkRepository().orElseThrow(), "links")
          .addParameter(rolesRepository().orElseThrow(), "roles")
          .addJavadoc("@param links the {@code $L} rows\n@param roles the {@code $L} rows\n",
              r.link().name(), r.roles().name())
          .addStatement("this.links = $T.requireNonNull(links, $S)", Objects.class, "links")
          .addStatement("this.roles = $T.requireNonNull(roles, $S)", Objects.class, "roles");
    });
    type.addField(Clock.class, "clock", Modifier.PRIVATE, Modifier.FINAL);
    constructor.addParameter(Clock.class, "clock")
        .addJavadoc("@param clock decides whether locks, suspensions and expiries are over\n")
        .addStatement("this.clock = $T.requireNonNull(clock, $S)", Objects.class, "clock");
    return type.addMethod(constructor.build())
        .addMethod(load(entity))
        .addMethod(authorities(entity))
        .addMethod(after())
        .build();
  }

  /**
   * {@code after(time, now)} over the entity's time type: a {@code LocalDateTime} column holds
   * UTC wall time, so every kind compares as an instant against the clock's instant, whatever
   * the clock's zone.
   */
  private MethodSpec after() {
    TypeName time = TypeMapping.elementType(SqlType.TIMESTAMP, timestamps);
    CodeBlock instant = switch (timestamps) {
      case LOCAL -> CodeBlock.of("time.toInstant($T.UTC)", ZoneOffset.class);
      case INSTANT -> CodeBlock.of("time");
      case OFFSET -> CodeBlock.of("time.toInstant()");
    };
    return MethodSpec.methodBuilder("after").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(boolean.class).addParameter(time, "time").addParameter(Instant.class, "now")
        .addStatement("return time != null && $L.isAfter(now)", instant).build();
  }

  private String stateDoc() {
    List<String> parts = new ArrayList<>();
    timestamp("deleted_at").ifPresent(c -> parts.add("disabled once {@code deleted_at} is set"));
    timestamp("suspended_until").ifPresent(c ->
        parts.add("disabled while {@code suspended_until} is ahead"));
    for (String lock : List.of("account_locked_until", "lockout_until")) {
      timestamp(lock).ifPresent(c -> parts.add("locked while {@code " + lock + "} is ahead"));
    }
    timestamp("password_expires_at").ifPresent(c ->
        parts.add("credentials-expired once {@code password_expires_at} has passed"));
    return parts.isEmpty() ? "always enabled (the table has no state columns)"
        : String.join("; ", parts);
  }

  private Optional<Column> timestamp(String name) {
    return users.column(name).filter(c -> c.type() == SqlType.TIMESTAMP && !c.array());
  }

  private MethodSpec load(ClassName entity) {
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T user = users.$N(username).orElseThrow(() -> new $T($S))", entity,
            naming.finderName(username), USERNAME_NOT_FOUND,
            "no user with this username")
        .addStatement("$T now = clock.instant()", Instant.class)
        .addStatement("$T password = user.$N()", String.class, naming.memberName(password));
    CodeBlock disabled = any(List.of(
        timestamp("deleted_at").map(c -> CodeBlock.of("user.$N() != null",
            naming.memberName(c))),
        timestamp("suspended_until").map(c -> CodeBlock.of("after(user.$N(), now)",
            naming.memberName(c)))));
    CodeBlock locked = any(List.of(
        timestamp("account_locked_until").map(c -> CodeBlock.of("after(user.$N(), now)",
            naming.memberName(c))),
        timestamp("lockout_until").map(c -> CodeBlock.of("after(user.$N(), now)",
            naming.memberName(c)))));
    CodeBlock expired = any(List.of(timestamp("password_expires_at").map(c ->
        CodeBlock.of("user.$N() != null && !after(user.$N(), now)", naming.memberName(c),
            naming.memberName(c)))));
    body.add("return $T.withUsername(user.$N())\n$>", SPRING_USER, naming.memberName(username))
        .add(".password(password == null ? $S : password)\n", "")
        .add(".disabled($L)\n", disabled)
        .add(".accountLocked($L)\n", locked)
        .add(".credentialsExpired($L)\n", expired)
        .add(".authorities(authorities(user))\n")
        .add(".build();\n$<");
    return MethodSpec.methodBuilder("loadUserByUsername").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(USER_DETAILS)
        .addParameter(String.class, "username")
        .addJavadoc("The user whose {@code $L} is {@code username}.\n\n@param username the "
            + "{@code $L}\n@return the user, with its account state and authorities\n@throws $T "
            + "when no row has it\n", username.name(), username.name(), USERNAME_NOT_FOUND)
        .addCode(body.build()).build();
  }

  private static CodeBlock any(List<Optional<CodeBlock>> conditions) {
    List<CodeBlock> present = conditions.stream().flatMap(Optional::stream).toList();
    return present.isEmpty() ? CodeBlock.of("false") : CodeBlock.join(present, " || ");
  }

  private MethodSpec authorities(ClassName entity) {
    ParameterizedTypeName list = ParameterizedTypeName.get(ClassName.get(List.class),
        GRANTED_AUTHORITY);
    MethodSpec.Builder m = MethodSpec.methodBuilder("authorities")
        .addModifiers(Modifier.PRIVATE).returns(list).addParameter(entity, "user");
    if (roles.isEmpty()) {
      return m.addStatement("return $T.of()", List.class).build();
    }
    RoleLink r = roles.get();
    ClassName link = ClassName.get(naming.entityPackage(), naming.entityName(r.link()));
    return m.addStatement("$T authorities = new $T<>()", list, ArrayList.class)
        .beginControlFlow("for ($T link : links.$N(user.$N()))", link,
            naming.finderName(r.userId()),
            naming.memberName(r.userId().foreignKey().orElseThrow().target()))
        .addStatement("roles.findById(link.$N()).ifPresent(role ->$Wauthorities.add(new $T($S +$W"
            + "role.$N())))", naming.memberName(r.roleId()), SIMPLE_GRANTED_AUTHORITY, "ROLE_",
            naming.memberName(r.name()))
        .endControlFlow()
        .addStatement("return authorities").build();
  }
}
