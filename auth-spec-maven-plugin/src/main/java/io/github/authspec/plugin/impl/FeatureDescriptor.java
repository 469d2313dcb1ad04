package io.github.authspec.plugin.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the plugin knows about one implemented feature, so its id is spelled once (in
 * {@link Features}) and binding, writing, the roles hint and the Spring beans cannot disagree.
 *
 * @param id the feature id
 * @param roles the roles it binds, in binding order
 * @param writer writes its implementation
 * @param settings the defaults of its constructor's value parameters, by parameter name; one
 *     not listed has no default, so it is required (its Spring bean waits for the property)
 */
public record FeatureDescriptor(String id, List<Role> roles, Writer writer,
    Map<String, SettingDefault> settings) {
  public FeatureDescriptor {
    roles = List.copyOf(roles);
    settings = Map.copyOf(settings);
  }

  /** The default of value parameter {@code name}; empty when it is required. */
  public Optional<SettingDefault> setting(String name) {
    return Optional.ofNullable(settings.get(name));
  }

  /** The same feature with a default for value parameter {@code name}. */
  FeatureDescriptor with(String name, Object value) {
    return with(name, SettingDefault.of(value));
  }

  /** The same feature with {@code name} off when unset. */
  FeatureDescriptor off(String name) {
    return with(name, SettingDefault.OFF);
  }

  private FeatureDescriptor with(String name, SettingDefault value) {
    Map<String, SettingDefault> more = new HashMap<>(settings);
    more.put(name, value);
    return new FeatureDescriptor(id, roles, writer, more);
  }
}
