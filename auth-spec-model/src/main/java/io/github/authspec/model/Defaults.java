package io.github.authspec.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authspec.model.DefaultValue.Kind;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a column default against the column type. Strings are literals, except the SQL
 * functions {@code CURRENT_TIMESTAMP}/{@code NOW()}, {@code CURRENT_DATE} and
 * {@code CURRENT_TIME} on temporal columns; everything else must be a constant of the type.
 */
final class Defaults {
  private final Reporter reporter;

  Defaults(Reporter reporter) {
    this.reporter = reporter;
  }

  Optional<DefaultValue> check(JsonNode v, SqlType type, Column.Builder c, String pointer) {
    return switch (type.family()) {
      case INTEGER -> integer(v, type, pointer);
      case DECIMAL -> decimal(v, c, pointer);
      case BOOLEAN -> v.isBoolean()
          ? Optional.of(new DefaultValue(Kind.BOOLEAN, String.valueOf(v.booleanValue())))
          : bad(pointer, v, type, "use true or false");
      case TEXT -> text(v, type, c, pointer);
      case TEMPORAL -> temporal(v, type, pointer);
      case UUID -> uuid(v, pointer);
    };
  }

  private Optional<DefaultValue> integer(JsonNode v, SqlType type, String pointer) {
    if (!v.isIntegralNumber()) {
      return bad(pointer, v, type, "use a whole number without quotes");
    }
    BigInteger n = v.bigIntegerValue();
    int bits = switch (type) {
      case SMALLINT -> 16;
      case INT -> 32;
      default -> 64;
    };
    if (n.bitLength() >= bits) {
      return bad(pointer, v, type, "the value is out of range for " + type);
    }
    return Optional.of(new DefaultValue(Kind.NUMBER, n.toString()));
  }

  private Optional<DefaultValue> decimal(JsonNode v, Column.Builder c, String pointer) {
    if (!v.isNumber()) {
      return bad(pointer, v, SqlType.DECIMAL, "use a number without quotes");
    }
    BigDecimal n = v.decimalValue();
    if (c.precision != null) {
      int scale = c.scale == null ? 0 : c.scale;
      BigDecimal stripped = n.stripTrailingZeros();
      int integerDigits = Math.max(0, stripped.precision() - stripped.scale());
      if (stripped.scale() > scale || integerDigits > c.precision - scale) {
        return bad(pointer, v, SqlType.DECIMAL,
            "it does not fit DECIMAL(" + c.precision + "," + scale + ")");
      }
    }
    return Optional.of(new DefaultValue(Kind.NUMBER, n.toPlainString()));
  }

  private Optional<DefaultValue> text(JsonNode v, SqlType type, Column.Builder c, String pointer) {
    if (!v.isTextual()) {
      return bad(pointer, v, type, "put the value in quotes");
    }
    String s = v.textValue();
    if (c.size != null && s.codePointCount(0, s.length()) > c.size) {
      return bad(pointer, v, type, "it is longer than size " + c.size);
    }
    return Optional.of(new DefaultValue(Kind.STRING, s));
  }

  private Optional<DefaultValue> temporal(JsonNode v, SqlType type, String pointer) {
    if (!v.isTextual()) {
      return bad(pointer, v, type, "use a quoted ISO-8601 value or " + function(type));
    }
    String s = v.textValue().trim();
    String upper = s.toUpperCase(Locale.ROOT);
    if (type == SqlType.TIMESTAMP && (upper.equals("CURRENT_TIMESTAMP") || upper.equals("NOW()"))) {
      return Optional.of(new DefaultValue(Kind.CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP"));
    }
    if (type == SqlType.DATE && upper.equals("CURRENT_DATE")) {
      return Optional.of(new DefaultValue(Kind.CURRENT_DATE, "CURRENT_DATE"));
    }
    if (type == SqlType.TIME && upper.equals("CURRENT_TIME")) {
      return Optional.of(new DefaultValue(Kind.CURRENT_TIME, "CURRENT_TIME"));
    }
    try {
      switch (type) {
        case DATE -> LocalDate.parse(s);
        case TIME -> LocalTime.parse(s);
        default -> LocalDateTime.parse(s.replace(' ', 'T'));
      }
      return Optional.of(new DefaultValue(Kind.STRING, s));
    } catch (DateTimeParseException e) {
      return bad(pointer, v, type, "use ISO-8601 (e.g. "
          + (type == SqlType.DATE ? "2024-01-31" : type == SqlType.TIME ? "08:30:00"
              : "2024-01-31T08:30:00") + ") or " + function(type));
    }
  }

  private Optional<DefaultValue> uuid(JsonNode v, String pointer) {
    try {
      if (v.isTextual()) {
        java.util.UUID.fromString(v.textValue());
        return Optional.of(new DefaultValue(Kind.STRING, v.textValue()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the report
    }
    return bad(pointer, v, SqlType.UUID, "use a quoted UUID");
  }

  private static String function(SqlType type) {
    return switch (type) {
      case DATE -> "CURRENT_DATE";
      case TIME -> "CURRENT_TIME";
      default -> "CURRENT_TIMESTAMP";
    };
  }

  private Optional<DefaultValue> bad(String pointer, JsonNode v, SqlType type, String hint) {
    reporter.report(Code.INVALID_DEFAULT, pointer,
        "default " + v + " does not fit column type " + type, hint);
    return Optional.empty();
  }
}
