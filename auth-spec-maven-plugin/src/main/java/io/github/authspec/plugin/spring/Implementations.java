package io.github.authspec.plugin.spring;

import com.palantir.javapoet.ClassName;
import io.github.authspec.model.Feature;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.plugin.generation.GenerationContext;
import io.github.authspec.plugin.impl.FeatureRoles;
import io.github.authspec.plugin.impl.RoleBinder;
import io.github.authspec.plugin.service.FeatureCatalog;
import io.github.authspec.plugin.service.ServiceGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The implementations {@code implementations=true} writes in this run, found the way the
 * implementation generator finds them (the same role binding, on a quiet context, so its
 * diagnostics are not reported twice). Only those whose constructor the flavour knows get a bean.
 */
final class Implementations {
  /** The TOTP implementation: {@code (DataSource, Clock, SecretBox, SecureRandom, issuer)}. */
  static final String TOTP = "totp";

  /** One implementation: its class and the service interface it implements. */
  record Implemented(String feature, ClassName type, ClassName api) {}

  private Implementations() {}

  static List<Implemented> of(GenerationContext context) {
    if (!context.request().implementations()) {
      return List.of();
    }
    GenerationContext quiet = new GenerationContext(context.spec(), context.request(),
        new Reporter("quiet"));
    RoleBinder binder = RoleBinder.of(quiet);
    FeatureCatalog catalog = FeatureCatalog.load();
    List<Implemented> out = new ArrayList<>();
    for (Feature feature : context.spec().selected()) {
      if (!feature.id().equals(TOTP)) {
        continue;
      }
      Optional<List<io.github.authspec.plugin.impl.Role>> roles = FeatureRoles.of(feature.id());
      if (roles.isPresent() && binder.bind(feature, roles.get(), quiet).complete()) {
        ClassName api = ServiceGenerator.interfaceName(feature, catalog, context.naming());
        out.add(new Implemented(feature.id(), ClassName.get(api.packageName(),
            context.naming().implementationName(feature)), api));
      }
    }
    return out;
  }
}
