package io.github.authspec.plugin.spring;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.github.authspec.plugin.impl.SettingDefault;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting's default in both of its Spring forms: code for the properties field and the text of
 * the configuration metadata; none = null (off). Durations use their largest whole unit in both.
 *
 * @param code the field's initializer
 * @param metadata the metadata's default value
 */
record PropertyDefault(Optional<CodeBlock> code, Optional<Object> metadata) {
  static final PropertyDefault NONE = new PropertyDefault(Optional.empty(), Optional.empty());

  static PropertyDefault of(Duration d) {
    return new PropertyDefault(Optional.of(duration(d)), Optional.of(durationText(d)));
  }

  static PropertyDefault of(int value) {
    return new PropertyDefault(Optional.of(CodeBlock.of("$L", value)), Optional.of(value));
  }

  static PropertyDefault of(boolean value) {
    return new PropertyDefault(Optional.of(CodeBlock.of("$L", value)), Optional.of(value));
  }

  static PropertyDefault of(String value) {
    return new PropertyDefault(Optional.of(CodeBlock.of("$S", value)), Optional.of(value));
  }

  /** The Spring form of a registered default; {@code project} stands in for its name. */
  static PropertyDefault of(SettingDefault registered, String project) {
    if (registered.value().isEmpty()) {
      return NONE;
    }
    Object v = registered.value().get();
    if (v instanceof Duration d) {
      return of(d);
    }
    if (v instanceof Integer i) {
      return of(i.intValue());
    }
    if (v instanceof Boolean b) {
      return of(b.booleanValue());
    }
    return of(SettingDefault.PROJECT.equals(v) ? project : (String) v);
  }

  /** {@code 30m}: the metadata's form of a duration, in its largest whole unit. */
  static String durationText(Duration d) {
    long s = d.toSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }

  /** {@code Duration.ofMinutes(30)}: the code form, in its largest whole unit. */
  static CodeBlock duration(Duration d) {
    String text = durationText(d);
    String unit = switch (text.charAt(text.length() - 1)) {
      case 'd' -> "ofDays";
      case 'h' -> "ofHours";
      case 'm' -> "ofMinutes";
      default -> "ofSeconds";
    };
    return CodeBlock.of("$T.$N($L)", Duration.class, unit,
        text.substring(0, text.length() - 1).toLowerCase(Locale.ROOT));
  }

  /**
   * The constructor's {@code @param} text of a setting, as plain text, and what an unset one
   * means.
   */
  static String describe(MethodSpec constructor, String name, Optional<PropertyDefault> value) {
    String doc = constructor.javadoc().toString();
    Matcher m = Pattern.compile("@param " + Pattern.quote(name) + "\\s+([^@]*)").matcher(doc);
    String text = m.find() ? m.group(1) : name;
    text = text.replaceAll("\\{@\\w+ ([^}]*)}", "$1").replaceAll("\\s+", " ").trim();
    if (!text.isEmpty()) {
      text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
    if (!text.endsWith(".")) {
      text += ".";
    }
    if (value.isEmpty()) {
      text += " Required: without it the implementation gets no bean.";
    } else if (value.get().code().isEmpty()) {
      text += " Unset: off.";
    }
    return text;
  }
}
