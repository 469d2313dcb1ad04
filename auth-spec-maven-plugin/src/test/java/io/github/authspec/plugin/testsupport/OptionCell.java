package io.github.authspec.plugin.testsupport;

import static io.github.authspec.plugin.generation.Conditions.CEL;
import static io.github.authspec.plugin.generation.Conditions.NONE;

import io.github.authspec.plugin.generation.Conditions;
import io.github.authspec.plugin.generation.Flavour;
import io.github.authspec.plugin.generation.GenerationRequest;
import io.github.authspec.plugin.generation.RedisClient;
import io.github.authspec.plugin.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cell of the option matrix: a value for each option that changes the generated
 * implementations. The implementation tests run in one cell per test JVM, chosen by the system
 * property {@code authspec.cell} ({@code timestamps,redisClient,flavour,bouncyCastle,conditions},
 * e.g. {@code INSTANT,LETTUCE,SPRING_BOOT,true,CEL}); the build runs them once per cell of
 * {@link #pairwise()} and, in the {@code option-matrix} profile, of {@link #all()}.
 *
 * @param timestamps how TIMESTAMP columns map
 * @param redisClient the Redis binding
 * @param flavour plain or Spring Boot
 * @param bouncyCastle Argon2id and bcrypt through Bouncy Castle
 * @param conditions how grant conditions are evaluated
 */
public record OptionCell(TimestampType timestamps, RedisClient redisClient, Flavour flavour,
    boolean bouncyCastle, Conditions conditions) {
  /** The system property that names the cell. */
  public static final String PROPERTY = "authspec.cell";
  /** The cell when none is named: the options' defaults, with Jedis for the Redis scripts. */
  public static final OptionCell DEFAULT =
      new OptionCell(TimestampType.LOCAL, RedisClient.JEDIS, Flavour.NONE, false, NONE);

  /** The cell this JVM runs in. */
  public static OptionCell current() {
    String named = System.getProperty(PROPERTY, "");
    return named.isBlank() ? DEFAULT : parse(named);
  }

  /** A cell from {@code timestamps,redisClient,flavour,bouncyCastle,conditions}. */
  public static OptionCell parse(String text) {
    String[] parts = text.trim().split("\\s*,\\s*");
    if (parts.length != 5 || !parts[3].matches("true|false")) {
      throw new IllegalArgumentException(PROPERTY + " must be timestamps,redisClient,flavour,"
          + "bouncyCastle,conditions (e.g. INSTANT,LETTUCE,SPRING_BOOT,true,CEL), not " + text);
    }
    return new OptionCell(TimestampType.valueOf(parts[0].toUpperCase(Locale.ROOT)),
        RedisClient.valueOf(parts[1].toUpperCase(Locale.ROOT)),
        Flavour.valueOf(parts[2].toUpperCase(Locale.ROOT)), Boolean.parseBoolean(parts[3]),
        Conditions.valueOf(parts[4].toUpperCase(Locale.ROOT)));
  }

  /** Every cell: 3 x 2 x 2 x 2 x 2 = 48. */
  public static List<OptionCell> all() {
    List<OptionCell> out = new ArrayList<>();
    for (TimestampType t : TimestampType.values()) {
      for (RedisClient r : List.of(RedisClient.JEDIS, RedisClient.LETTUCE)) {
        for (Flavour f : Flavour.values()) {
          for (boolean b : List.of(false, true)) {
            for (Conditions c : Conditions.values()) {
              out.add(new OptionCell(t, r, f, b, c));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Six cells that hold every pair of values of any two options (a covering array of strength
   * two: six is the least, the product of the two largest domains).
   */
  public static List<OptionCell> pairwise() {
    return List.of(
        DEFAULT,
        new OptionCell(TimestampType.LOCAL, RedisClient.LETTUCE, Flavour.SPRING_BOOT, true, CEL),
        new OptionCell(TimestampType.INSTANT, RedisClient.JEDIS, Flavour.SPRING_BOOT, false, CEL),
        new OptionCell(TimestampType.INSTANT, RedisClient.LETTUCE, Flavour.NONE, true, NONE),
        new OptionCell(TimestampType.OFFSET, RedisClient.JEDIS, Flavour.NONE, true, CEL),
        new OptionCell(TimestampType.OFFSET, RedisClient.LETTUCE, Flavour.SPRING_BOOT, false,
            NONE));
  }

  /** The request with this cell's options. */
  public GenerationRequest apply(GenerationRequest request) {
    return request.toBuilder().timestamps(timestamps).redisClient(redisClient).flavour(flavour)
        .bouncyCastle(bouncyCastle).set("conditions", conditions).build();
  }

  /** The form {@link #parse} reads. */
  public String text() {
    return timestamps + "," + redisClient + "," + flavour + "," + bouncyCastle + ","
        + conditions;
  }
}
