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
 * property {@code authspec.cell}
 * ({@code timestamps,redisClient,flavour,bouncyCastle,conditions,httpApi}, e.g.
 * {@code INSTANT,LETTUCE,SPRING_BOOT,true,CEL,true}); the build runs them once per cell of
 * {@link #pairwise()} and, in the {@code option-matrix} profile, of {@link #all()}.
 *
 * @param timestamps how TIMESTAMP columns map
 * @param redisClient the Redis binding
 * @param flavour plain or Spring Boot
 * @param bouncyCastle Argon2id and bcrypt through Bouncy Castle
 * @param conditions how grant conditions are evaluated
 * @param httpApi the login flow over HTTP (only with Spring Boot: the plugin refuses it alone)
 */
public record OptionCell(TimestampType timestamps, RedisClient redisClient, Flavour flavour,
    boolean bouncyCastle, Conditions conditions, boolean httpApi) {
  /** The system property that names the cell. */
  public static final String PROPERTY = "authspec.cell";
  /** The form of a cell's text. */
  private static final String FORM = "timestamps,redisClient,flavour,bouncyCastle,conditions,"
      + "httpApi (e.g. INSTANT,LETTUCE,SPRING_BOOT,true,CEL,true)";
  /** The cell when none is named: the options' defaults, with Jedis for the Redis scripts. */
  public static final OptionCell DEFAULT =
      new OptionCell(TimestampType.LOCAL, RedisClient.JEDIS, Flavour.NONE, false, NONE, false);

  /** The cell this JVM runs in. */
  public static OptionCell current() {
    String named = System.getProperty(PROPERTY, "");
    return named.isBlank() ? DEFAULT : parse(named);
  }

  /** A cell from {@code timestamps,redisClient,flavour,bouncyCastle,conditions,httpApi}. */
  public static OptionCell parse(String text) {
    String[] parts = text.trim().split("\\s*,\\s*");
    if (parts.length != 6 || !parts[3].matches("true|false") || !parts[5].matches("true|false")) {
      throw new IllegalArgumentException(PROPERTY + " must be " + FORM + ", not " + text);
    }
    return new OptionCell(TimestampType.valueOf(parts[0].toUpperCase(Locale.ROOT)),
        RedisClient.valueOf(parts[1].toUpperCase(Locale.ROOT)),
        Flavour.valueOf(parts[2].toUpperCase(Locale.ROOT)), Boolean.parseBoolean(parts[3]),
        Conditions.valueOf(parts[4].toUpperCase(Locale.ROOT)), Boolean.parseBoolean(parts[5]));
  }

  /** Whether the plugin accepts the cell: httpApi needs the Spring flavour. */
  public boolean valid() {
    return !httpApi || flavour == Flavour.SPRING_BOOT;
  }

  /** Every valid cell: 3 x 2 x 2 x 2 x 2 x 2 = 96, less the 24 of httpApi without Spring: 72. */
  public static List<OptionCell> all() {
    List<OptionCell> out = new ArrayList<>();
    for (TimestampType t : TimestampType.values()) {
      for (RedisClient r : List.of(RedisClient.JEDIS, RedisClient.LETTUCE)) {
        for (Flavour f : Flavour.values()) {
          for (boolean b : List.of(false, true)) {
            for (Conditions c : Conditions.values()) {
              for (boolean h : List.of(false, true)) {
                OptionCell cell = new OptionCell(t, r, f, b, c, h);
                if (cell.valid()) {
                  out.add(cell);
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Seven cells that hold every valid pair of values of any two options (a covering array of
   * strength two under the one constraint). Six cannot: httpApi true only in Spring rows, one per
   * timestamps value in six, would leave no Spring row without it.
   */
  public static List<OptionCell> pairwise() {
    return List.of(
        DEFAULT,
        new OptionCell(TimestampType.LOCAL, RedisClient.LETTUCE, Flavour.SPRING_BOOT, true, CEL,
            false),
        new OptionCell(TimestampType.INSTANT, RedisClient.JEDIS, Flavour.SPRING_BOOT, false, CEL,
            true),
        new OptionCell(TimestampType.INSTANT, RedisClient.LETTUCE, Flavour.NONE, true, NONE,
            false),
        new OptionCell(TimestampType.OFFSET, RedisClient.JEDIS, Flavour.NONE, true, CEL, false),
        new OptionCell(TimestampType.OFFSET, RedisClient.LETTUCE, Flavour.SPRING_BOOT, false,
            NONE, true),
        new OptionCell(TimestampType.LOCAL, RedisClient.JEDIS, Flavour.SPRING_BOOT, true, NONE,
            true));
  }

  /** The request with this cell's options. */
  public GenerationRequest apply(GenerationRequest request) {
    return request.toBuilder().timestamps(timestamps).redisClient(redisClient).flavour(flavour)
        .bouncyCastle(bouncyCastle).set("conditions", conditions).set("httpApi", httpApi)
        .build();
  }

  /** The form {@link #parse} reads. */
  public String text() {
    return timestamps + "," + redisClient + "," + flavour + "," + bouncyCastle + ","
        + conditions + "," + httpApi;
  }
}
