package io.github.authspec.plugin.impl;

import java.util.Optional;

/**
 * The default of one value parameter of an implementation's constructor (a setting, in the
 * Spring flavour): kept beside the feature in {@link Features} so a new implementation states
 * its defaults where it is registered.
 *
 * @param value an {@code Integer}, {@code Boolean}, {@code String} or {@code Duration}; empty
 *     when unset means off (the parameter accepts null)
 */
public record SettingDefault(Optional<Object> value) {
  /** No value: unset means off. */
  public static final SettingDefault OFF = new SettingDefault(Optional.empty());

  /** Stands for the project's name, known only per run (e.g. the TOTP issuer). */
  public static final String PROJECT = "<project>";

  public static SettingDefault of(Object value) {
    return new SettingDefault(Optional.of(value));
  }
}
