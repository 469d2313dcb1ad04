package io.github.authspec.model;

import io.github.authspec.model.LocalCache.Kind;
import io.github.authspec.model.RedisKey.Compression;
import io.github.authspec.model.RedisKey.ExpireStrategy;
import io.github.authspec.model.RedisKey.RedisType;
import io.github.authspec.model.RedisKey.Serialization;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.raw.RawSpec.RawCache;
import io.github.authspec.model.raw.RawSpec.RawCacheSettings;
import io.github.authspec.model.raw.RawSpec.RawLocalCache;
import io.github.authspec.model.raw.RawSpec.RawRedisKey;
import io.github.authspec.model.raw.RawSpec.Str;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates {@code diagram.cache}: settings, Redis keys and local caches. */
final class CacheLinker {
  private static final Map<String, RedisType> REDIS_TYPES = Map.of(
      "string", RedisType.STRING, "hash", RedisType.HASH, "list", RedisType.LIST,
      "set", RedisType.SET, "sorted set", RedisType.SORTED_SET, "sortedset", RedisType.SORTED_SET,
      "zset", RedisType.SORTED_SET);
  private static final Map<String, ExpireStrategy> STRATEGIES = Map.of(
      "on write", ExpireStrategy.ON_WRITE, "onwrite", ExpireStrategy.ON_WRITE,
      "sliding", ExpireStrategy.SLIDING);
  private static final List<String> EVICTION_POLICIES = List.of(
      "noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random", "volatile-lru",
      "volatile-lfu", "volatile-random", "volatile-ttl");
  private static final Pattern MAX_MEMORY =
      Pattern.compile("(?i)[0-9]+(b|k|kb|m|mb|g|gb)?");

  private final Reporter reporter;

  CacheLinker(Reporter reporter) {
    this.reporter = reporter;
  }

  Cache link(RawCache raw) {
    if (raw == null) {
      return Cache.empty();
    }
    if (raw.type() != null && !raw.type().equals("redis")) {
      reporter.report(Code.UNSUPPORTED_INFRASTRUCTURE, raw.pointer() + "/type",
          "cache type '" + raw.type() + "' is not supported", "use \"redis\"");
    }
    List<RedisKey> keys = new ArrayList<>();
    Set<String> patterns = new HashSet<>();
    for (RawRedisKey k : raw.redis()) {
      RedisKey key = redisKey(k);
      if (key == null) {
        continue;
      }
      if (!patterns.add(key.pattern().text())) {
        reporter.report(Code.DUPLICATE_REDIS_PATTERN, k.pointer() + "/pattern",
            "Redis key pattern '" + key.pattern() + "' is declared twice",
            "remove or merge one of the two");
        continue;
      }
      keys.add(key);
    }
    Set<String> names = new HashSet<>();
    List<LocalCache> inMemory = localCaches(raw.inMemory(), Kind.IN_MEMORY, names);
    List<LocalCache> caffeine = localCaches(raw.caffeine(), Kind.CAFFEINE, names);
    return new Cache(raw.type() == null ? "redis" : raw.type(), settings(raw.settings()), keys,
        inMemory, caffeine);
  }

  private Optional<CacheSettings> settings(RawCacheSettings s) {
    if (s == null) {
      return Optional.empty();
    }
    if (s.maxMemory() != null && !MAX_MEMORY.matcher(s.maxMemory()).matches()) {
      reporter.report(Code.INVALID_CACHE_SETTINGS, s.pointer() + "/maxMemory",
          "maxMemory '" + s.maxMemory() + "' is not a Redis memory size",
          "write a number with an optional unit b, kb, mb or gb, e.g. \"256mb\"");
    }
    if (s.evictionPolicy() != null && !EVICTION_POLICIES.contains(s.evictionPolicy())) {
      reporter.report(Code.INVALID_CACHE_SETTINGS, s.pointer() + "/evictionPolicy",
          "evictionPolicy '" + s.evictionPolicy() + "' is not a Redis maxmemory-policy",
          Suggest.hint(s.evictionPolicy(), EVICTION_POLICIES));
    }
    return Optional.of(new CacheSettings(Optional.ofNullable(s.maxMemory()),
        Optional.ofNullable(s.evictionPolicy())));
  }

  private RedisKey redisKey(RawRedisKey k) {
    if (k.pattern() == null) {
      reporter.report(Code.MISSING_PROPERTY, k.pointer(), "Redis key has no pattern",
          "add \"pattern\", e.g. \"session:{userId}\"");
      return null;
    }
    KeyPattern pattern;
    try {
      pattern = KeyPatterns.parse(k.pattern());
    } catch (KeyPatterns.PatternException e) {
      reporter.report(Code.REDIS_PATTERN_SYNTAX, k.pointer() + "/pattern",
          "Redis key pattern '" + k.pattern() + "': " + e.getMessage(),
          "write literal text with {placeholder} names, e.g. \"acl:{userId}:{resource}\"");
      return null;
    }
    RedisType type = redisType(k);
    boolean pinned = Boolean.TRUE.equals(k.pinned());
    Optional<Duration> ttl = ttl(k, pinned);
    ExpireStrategy strategy = strategy(k, ttl.isPresent());
    Serialization serialization = option(k.serialization(), k.pointer() + "/serialization",
        "serialization", Serialization.class, Serialization.STRING);
    Compression compression = option(k.compression(), k.pointer() + "/compression",
        "compression", Compression.class, Compression.NONE);
    if (k.eviction() != null) {
      reporter.report(Code.PER_KEY_OPTION, k.pointer() + "/eviction",
          "Redis cannot honour eviction '" + k.eviction() + "' per key: maxmemory-policy applies"
              + " to the whole instance; it is kept as documentation only",
          "set the instance policy in diagram.cache.settings.evictionPolicy");
    }
    boolean prettyJson = Boolean.TRUE.equals(k.prettyJson());
    if (prettyJson && serialization != Serialization.JSON) {
      notForType(k.pointer() + "/prettyJson", "prettyJson needs \"serialization\": \"json\"");
    }
    List<String> hashFields = k.hashFields().stream().map(Str::value).toList();
    if (!hashFields.isEmpty() && type != RedisType.HASH) {
      notForType(k.pointer() + "/hashFields", "hashFields apply to Hash keys, not " + label(type));
    }
    if (k.scoreField() != null && type != RedisType.SORTED_SET) {
      notForType(k.pointer() + "/scoreField",
          "scoreField applies to Sorted Set keys, not " + label(type));
    }
    if (type == null || serialization == null || compression == null) {
      return null;
    }
    return new RedisKey(pattern, type, ttl, strategy, serialization, compression,
        Optional.ofNullable(k.eviction()), pinned, prettyJson, hashFields,
        Optional.ofNullable(k.scoreField()), k.pointer());
  }

  private static String label(RedisType type) {
    return type == null ? "this type" : type.label();
  }

  private void notForType(String pointer, String message) {
    reporter.report(Code.OPTION_NOT_FOR_TYPE, pointer, message, "remove it or change \"type\"");
  }

  private RedisType redisType(RawRedisKey k) {
    if (k.type() == null) {
      return RedisType.STRING;
    }
    RedisType type = REDIS_TYPES.get(normal(k.type()));
    if (type == null) {
      reporter.report(Code.UNKNOWN_REDIS_TYPE, k.pointer() + "/type",
          "unknown Redis type '" + k.type() + "'",
          Suggest.hint(k.type(), List.of("String", "Hash", "List", "Set", "Sorted Set")));
    }
    return type;
  }

  private Optional<Duration> ttl(RawRedisKey k, boolean pinned) {
    if (k.ttl() == null) {
      return Optional.empty();
    }
    if (pinned) {
      reporter.report(Code.PINNED_WITH_TTL, k.pointer() + "/ttl",
          "key '" + k.pattern() + "' is pinned but has ttl " + k.ttl().toPlainString(),
          "a pinned key never expires: remove \"ttl\" or \"pinned\"");
      return Optional.empty();
    }
    return seconds(k.ttl(), k.pointer() + "/ttl", "ttl");
  }

  private ExpireStrategy strategy(RawRedisKey k, boolean hasTtl) {
    if (k.expireStrategy() == null) {
      return hasTtl ? ExpireStrategy.ON_WRITE : ExpireStrategy.NONE;
    }
    ExpireStrategy s = STRATEGIES.get(normal(k.expireStrategy()));
    if (s == null) {
      reporter.report(Code.UNKNOWN_CACHE_OPTION_VALUE, k.pointer() + "/expireStrategy",
          "unknown expireStrategy '" + k.expireStrategy() + "'", "use \"On Write\" or \"sliding\"");
      return ExpireStrategy.NONE;
    }
    if (!hasTtl) {
      reporter.report(Code.SLIDING_WITHOUT_TTL, k.pointer() + "/expireStrategy",
          "expireStrategy '" + k.expireStrategy() + "' on key '" + k.pattern()
              + "', which has no ttl, does nothing",
          "add a \"ttl\" in seconds or remove \"expireStrategy\"");
      return ExpireStrategy.NONE;
    }
    return s;
  }

  private <E extends Enum<E>> E option(String text, String pointer, String what, Class<E> type,
      E absent) {
    if (text == null) {
      return absent;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text.trim())) {
        return e;
      }
    }
    List<String> known = java.util.Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    reporter.report(Code.UNKNOWN_CACHE_OPTION_VALUE, pointer,
        "unknown " + what + " '" + text + "'", Suggest.hint(text, known));
    return null;
  }

  private List<LocalCache> localCaches(List<RawLocalCache> raws, Kind kind, Set<String> names) {
    List<LocalCache> out = new ArrayList<>();
    for (RawLocalCache c : raws) {
      LocalCache cache = localCache(c, kind);
      if (cache == null) {
        continue;
      }
      if (!names.add(cache.name())) {
        reporter.report(Code.DUPLICATE_LOCAL_CACHE, c.pointer() + "/name",
            "local cache '" + cache.name() + "' is declared twice", "rename one of them");
        continue;
      }
      out.add(cache);
    }
    return out;
  }

  private LocalCache localCache(RawLocalCache c, Kind kind) {
    if (c.name() == null || !Identifiers.JAVA_LIKE.matcher(c.name()).matches()) {
      reporter.report(Code.INVALID_NAME, c.name() == null ? c.pointer() : c.pointer() + "/name",
          "local cache name " + (c.name() == null ? "is missing" : "'" + c.name()
              + "' is not a name like permissionCache"), "use [A-Za-z][A-Za-z0-9_]*");
      return null;
    }
    int before = errorCount();
    OptionalLong maxSize = OptionalLong.empty();
    if (c.maxSize() != null) {
      if (c.maxSize().signum() < 0 || c.maxSize().stripTrailingZeros().scale() > 0) {
        invalid(c, "/maxSize", "maxSize must be a whole number of at least 0");
      } else {
        maxSize = OptionalLong.of(c.maxSize().longValueExact());
      }
    }
    Optional<Duration> write = kind == Kind.IN_MEMORY
        ? optionalSeconds(c.ttl(), c.pointer() + "/ttl", "ttl")
        : optionalSeconds(c.expireAfterWrite(), c.pointer() + "/expireAfterWrite",
            "expireAfterWrite");
    if (kind == Kind.CAFFEINE && c.ttl() != null) {
      invalid(c, "/ttl", "caffeine caches take expireAfterWrite, not ttl");
    }
    Optional<Duration> access = optionalSeconds(c.expireAfterAccess(),
        c.pointer() + "/expireAfterAccess", "expireAfterAccess");
    Optional<Duration> refresh = optionalSeconds(c.refreshAfterWrite(),
        c.pointer() + "/refreshAfterWrite", "refreshAfterWrite");
    boolean weakValues = Boolean.TRUE.equals(c.weakValues());
    boolean softValues = Boolean.TRUE.equals(c.softValues());
    if (weakValues && softValues) {
      invalid(c, "/softValues", "Caffeine rejects weakValues together with softValues");
    }
    if (errorCount() > before) {
      return null;
    }
    return new LocalCache(c.name(), kind, maxSize, write, access, refresh,
        Boolean.TRUE.equals(c.weakKeys()), weakValues, softValues,
        Boolean.TRUE.equals(c.recordStats()), c.pointer());
  }

  private int errorCount() {
    return reporter.errorCount();
  }

  private void invalid(RawLocalCache c, String member, String message) {
    reporter.report(Code.INVALID_LOCAL_CACHE, c.pointer() + member,
        "local cache '" + c.name() + "': " + message, "");
  }

  private Optional<Duration> optionalSeconds(BigDecimal value, String pointer, String what) {
    return value == null ? Optional.empty() : seconds(value, pointer, what);
  }

  /** A positive whole number of seconds; anything else is reported. */
  private Optional<Duration> seconds(BigDecimal value, String pointer, String what) {
    if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0) {
      reporter.report(Code.INVALID_TTL, pointer,
          what + " " + value.toPlainString() + " is not a positive whole number of seconds",
          "use a number of seconds of at least 1, or remove it for no expiry");
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(value.longValueExact()));
  }

  private static String normal(String text) {
    return text.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ')
        .replaceAll("\\s+", " ");
  }
}
