package io.github.authspec.plugin.spring;

import static io.github.authspec.plugin.spring.ConfigurationParts.bean;
import static io.github.authspec.plugin.spring.ConfigurationParts.beanName;
import static io.github.authspec.plugin.spring.ConfigurationParts.missing;
import static io.github.authspec.plugin.spring.ConfigurationParts.onClass;
import static io.github.authspec.plugin.spring.ConfigurationParts.part;
import static io.github.authspec.plugin.spring.ConfigurationParts.singleDataSource;
import static io.github.authspec.plugin.spring.SpringTypes.CONDITIONAL_ON_BEAN;
import static io.github.authspec.plugin.spring.SpringTypes.OBJECT_PROVIDER;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.authspec.plugin.naming.Naming;
import java.time.Clock;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * The auto-configuration's Spring Security part: users, the password service and the encoder,
 * whose hashing depends on what the implementations offer.
 */
final class SecurityPart {
  private final Naming naming;
  private final AutoConfigurationWriter.Parts parts;

  SecurityPart(Naming naming, AutoConfigurationWriter.Parts parts) {
    this.naming = naming;
    this.parts = parts;
  }

  // ---- security

  TypeSpec security(UserDetailsWriter users) {
    ClassName service = users.type();
    MethodSpec.Builder details = bean(beanName(service.simpleName()), service,
        "Spring Security's users from table {@code users}; Boot's in-memory user backs off.\n\n"
            + "@param users the users\n"
            + (users.linkRepository().isPresent() ? "@param links the role assignments\n"
                + "@param roles the roles\n" : "")
            + "@param clock the application's {@code Clock} bean, or UTC\n@return the service")
        .addAnnotation(missing(SpringTypes.USER_DETAILS_SERVICE))
        .addParameter(users.usersRepository(), "users");
    users.linkRepository().ifPresent(l -> details.addParameter(l, "links"));
    users.rolesRepository().ifPresent(r -> details.addParameter(r, "roles"));
    details.addParameter(ParameterizedTypeName.get(OBJECT_PROVIDER, ClassName.get(Clock.class)),
            "clock")
        .addStatement("return new $T(users, $Lclock.getIfAvailable($T::systemUTC))", service,
            users.linkRepository().isPresent() ? "links, roles, " : "", Clock.class);
    TypeSpec.Builder part = part("Security", "Spring Security: a {@code UserDetailsService} "
        + "over the users table, a {@code UserDetailsPasswordService} that stores the hashes "
        + "{@code DaoAuthenticationProvider} upgrades and, given a "
        + "{@code PhcPasswordEncoder.Hashing} bean (or the implementations' "
        + "{@code PasswordHasher}), the {@code PasswordEncoder} that reads the stored hashes.")
        .addAnnotation(onClass(SpringTypes.USER_DETAILS_SERVICE.reflectionName()))
        .addAnnotation(singleDataSource())
        .addMethod(details.build());
    part.addMethod(bean(beanName(users.passwordServiceType().simpleName()),
            users.passwordServiceType(), "Stores the hashes Spring Security's "
            + "{@code DaoAuthenticationProvider} upgrades on login: one {@code UPDATE} of the "
            + "hash, only while it is still the one the login verified. On the "
            + "application's {@code DataSource} itself: its own statement.\n\n"
            + "@param dataSource the application's database\n@return the service")
        .addAnnotation(missing(SpringTypes.USER_DETAILS_PASSWORD_SERVICE))
        .addParameter(DataSource.class, "dataSource")
        .addStatement("return new $T(dataSource)", users.passwordServiceType()).build());
    ClassName encoder = ClassName.get(naming.supportPackage("spring"), "PhcPasswordEncoder");
    ClassName hashing = encoder.nestedClass("Hashing");
    if (parts.passwordEncoder() && parts.implementations().builds("PasswordHasher")) {
      // Hashing from the application's bean, else over the implementations' PasswordHasher:
      // through providers, since a condition on a bean of another part would depend on the
      // order the parts are registered in.
      ClassName hasher = ClassName.get(naming.supportPackage("auth"), "PasswordHasher");
      part.addMethod(bean(beanName(encoder.simpleName()), encoder, "The encoder of the stored "
              + "hashes: the application's {@code PhcPasswordEncoder.Hashing} bean, else the "
              + "implementations' {@code PasswordHasher}, so it reads and writes what "
              + "{@code login} and {@code register} do.\n\n@param hashing the application's "
              + "hashing, if any\n@param hasher the implementations' hasher\n"
              + "@return the encoder")
          .addAnnotation(missing(SpringTypes.PASSWORD_ENCODER))
          .addParameter(ParameterizedTypeName.get(OBJECT_PROVIDER, hashing), "hashing")
          .addParameter(ParameterizedTypeName.get(OBJECT_PROVIDER, hasher), "hasher")
          .addStatement("return new $T(hashing.getIfAvailable(() -> hashing(hasher"
              + ".getObject())))", encoder).build());
      part.addMethod(hashingAdapter(hashing));
    } else if (parts.passwordEncoder()) {
      part.addMethod(bean(beanName(encoder.simpleName()), encoder, "The encoder of the stored "
              + "hashes.\n\n@param hashing the application's hashing\n@return the encoder")
          .addAnnotation(missing(SpringTypes.PASSWORD_ENCODER))
          .addAnnotation(AnnotationSpec.builder(CONDITIONAL_ON_BEAN)
              .addMember("value", "$T.class", hashing).build())
          .addParameter(hashing, "hashing")
          .addStatement("return new $T(hashing)", encoder).build());
    }
    return part.build();
  }

  /** The encoder's hashing over the implementations' {@code PasswordHasher}: one format. */
  private MethodSpec hashingAdapter(ClassName hashing) {
    ClassName hasher = ClassName.get(naming.supportPackage("auth"), "PasswordHasher");
    TypeSpec adapter = TypeSpec.anonymousClassBuilder("").addSuperinterface(hashing)
        .addMethod(MethodSpec.methodBuilder("hash").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(String.class)
            .addParameter(char[].class, "password")
            .addStatement("return hasher.hash(password)").build())
        .addMethod(MethodSpec.methodBuilder("verify").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
            .addParameter(char[].class, "password").addParameter(String.class, "stored")
            .addStatement("return hasher.verify(password, stored)").build())
        .addMethod(MethodSpec.methodBuilder("needsRehash").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
            .addParameter(String.class, "stored")
            .addStatement("return hasher.needsRehash(stored)").build())
        .build();
    return MethodSpec.methodBuilder("hashing").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(hashing).addParameter(hasher, "hasher")
        .addStatement("return $L", adapter).build();
  }
}
