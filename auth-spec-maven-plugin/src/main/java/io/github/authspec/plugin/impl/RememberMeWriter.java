package io.github.authspec.plugin.impl;

import static io.github.authspec.plugin.impl.TokenWriters.constructor;
import static io.github.authspec.plugin.impl.TokenWriters.names;
import static io.github.authspec.plugin.impl.TokenWriters.token;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/** {@code remember-me}: id:series:token cookies with theft detection ({@code RememberMe}). */
final class RememberMeWriter extends TokenWriters.Base {
  RememberMeWriter(String feature) {
    super(feature);
  }

  /** {@code new RememberMe.Table(...)} over the bound columns. */
  static CodeBlock table(Binding b, Target t) {
    ClassName remember = token(t, "RememberMe");
    return CodeBlock.of("new $T.Table($L)", remember, names(b, "id", "id", "user", "tokenHash",
        "expiresAt", "createdAt", "lastUsedAt"));
  }

  @Override
  TypeSpec write(Binding b, Target t) {
    ClassName remember = token(t, "RememberMe");
    TypeName boxed = t.userId().box();
    return t.skeleton(b, "Remember-me cookies id:series:token over table "
            + b.table("id").name() + ": only SHA-256 of the series secret and of the token "
            + "are stored; each use rotates the token by one compare-and-set; a cookie whose "
            + "series secret does not match its row is not ours and changes nothing; the "
            + "right series with a wrong token (a copied cookie, one copy already used) "
            + "deletes every series of the user. Of concurrent uses of one cookie one wins "
            + "and the rest count as theft.")
        .addField(Target.field(remember, "rememberMe"))
        .addMethod(constructor("Remember-me over a database.\n\n@param dataSource the database\n"
            + "@param clock the clock\n@param random randomness\n@param ttl the lifetime of "
            + "a series (e.g. $T.DEFAULT_TTL); rotation does not extend it\n", remember)
            .addParameter(DataSource.class, "dataSource").addParameter(Clock.class, "clock")
            .addParameter(SecureRandom.class, "random").addParameter(Duration.class, "ttl")
            .addStatement("this.rememberMe = new $T(dataSource, $L,$Wclock, random, ttl)",
                remember, table(b, t)).build())
        .addMethod(Target.override("issue").returns(String.class)
            .addParameter(t.userId(), "userId")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return rememberMe.issue(userId)").build())
        .addMethod(Target.override("authenticate")
            .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), boxed))
            .addJavadoc("{@inheritDoc}\n\n<p>This rotates the cookie, and the interface cannot "
                + "return the replacement: to set it, call {@link #use} instead; the old "
                + "value presented again counts as theft.\n")
            .addParameter(String.class, "cookieValue")
            .addParameter(t.shared("RequestContext"), "context")
            .addStatement("return use(cookieValue).signedIn().map(u -> ($T) u)", boxed).build())
        .addMethod(MethodSpec.methodBuilder("use").addModifiers(Modifier.PUBLIC)
            .addJavadoc("Signs in from a cookie and rotates it.\n\n@param cookieValue the "
                + "presented id:series:token\n@return the outcome, the user and, when VALID, "
                + "the replacement cookie to set\n")
            .returns(remember.nestedClass("Result")).addParameter(String.class, "cookieValue")
            .addStatement("return rememberMe.authenticate(cookieValue)").build())
        .build();
  }
}
