package io.github.authspec.model.raw;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.json.JsonTypes;
import io.github.authspec.model.raw.RawSpec.RawArchitecture;
import io.github.authspec.model.raw.RawSpec.RawCache;
import io.github.authspec.model.raw.RawSpec.RawCacheSettings;
import io.github.authspec.model.raw.RawSpec.RawDatabase;
import io.github.authspec.model.raw.RawSpec.RawFeature;
import io.github.authspec.model.raw.RawSpec.RawFeatureGroup;
import io.github.authspec.model.raw.RawSpec.RawField;
import io.github.authspec.model.raw.RawSpec.RawForeignKey;
import io.github.authspec.model.raw.RawSpec.RawIndex;
import io.github.authspec.model.raw.RawSpec.RawInfrastructure;
import io.github.authspec.model.raw.RawSpec.RawLocalCache;
import io.github.authspec.model.raw.RawSpec.RawProject;
import io.github.authspec.model.raw.RawSpec.RawRedisKey;
import io.github.authspec.model.raw.RawSpec.RawService;
import io.github.authspec.model.raw.RawSpec.RawTable;
import io.github.authspec.model.raw.RawSpec.Str;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the JSON tree to {@link RawSpec}: checks JSON types, reports unknown members, and keeps
 * going after each problem so one run reports them all. Semantics are the linker's job.
 */
public final class RawBinder {
  private final Reporter reporter;

  private RawBinder(Reporter reporter) {
    this.reporter = reporter;
  }

  public static RawSpec bind(JsonNode root, Reporter reporter) {
    return new RawBinder(reporter).spec(new Obj(root, "", reporter));
  }

  private RawSpec spec(Obj root) {
    Obj left = root.object("leftPanel");
    Obj mid = root.object("midPanel");
    Obj diagram = root.object("diagram");
    if (left == null) {
      missing(root, "leftPanel", "add the project, architecture and infrastructure panel");
    }
    String serviceType = left == null ? null : left.string("serviceType");
    RawProject project = left == null ? null : project(left.object("project"));
    RawArchitecture architecture = left == null ? null : architecture(left.object("architecture"));
    RawInfrastructure infrastructure =
        left == null ? null : infrastructure(left.object("infrastructure"));
    finish(left);
    List<Str> selected = mid == null ? List.of() : mid.array("selectedFeatures", this::str);
    finish(mid);
    RawDatabase database = null;
    RawCache cache = null;
    List<RawFeatureGroup> groups = List.of();
    if (diagram != null) {
      database = database(diagram.object("database"));
      cache = cache(diagram.object("cache"));
      Obj features = diagram.object("features");
      if (features != null) {
        groups = features.members((id, node) -> group(id, node, features.pointer(id)));
      }
      diagram.finish();
    }
    List<RawService> services = root.array("externalServices", this::service);
    root.finish();
    return new RawSpec(serviceType, project, architecture, infrastructure, selected, database,
        cache, groups, services);
  }

  private RawProject project(Obj o) {
    if (o == null) {
      return null;
    }
    RawProject p = new RawProject(o.string("group"), o.string("artifact"), o.string("name"),
        o.string("description"), o.string("package"), o.pointer());
    o.finish();
    return p;
  }

  private RawArchitecture architecture(Obj o) {
    if (o == null) {
      return null;
    }
    RawArchitecture a = new RawArchitecture(o.string("model"), o.string("build"), o.pointer());
    o.finish();
    return a;
  }

  private RawInfrastructure infrastructure(Obj o) {
    if (o == null) {
      return null;
    }
    RawInfrastructure i = new RawInfrastructure(o.bool("databaseEnabled"), o.string("database"),
        o.bool("cacheEnabled"), o.string("cache"), o.pointer());
    o.finish();
    return i;
  }

  private RawDatabase database(Obj o) {
    if (o == null) {
      return null;
    }
    RawDatabase d = new RawDatabase(o.string("type"), o.arrayInParallel("tables", this::table),
        o.pointer());
    o.finish();
    return d;
  }

  private RawTable table(JsonNode node, String pointer) {
    Obj o = object(node, pointer);
    if (o == null) {
      return null;
    }
    RawTable t = new RawTable(o.string("name"), o.array("fields", this::field), pointer);
    o.finish();
    return t;
  }

  private RawField field(JsonNode node, String pointer) {
    Obj o = object(node, pointer);
    if (o == null) {
      return null;
    }
    Obj index = o.object("index");
    Obj fk = o.object("foreignKey");
    RawField f = new RawField(o.string("name"), o.string("type"), o.number("size"),
        o.number("precision"), o.number("scale"), o.bool("nullable"), o.bool("primaryKey"),
        o.bool("autoIncrement"), o.bool("unique"), defaultValue(o), o.string("check"),
        o.string("comment"), o.bool("isArray"), index(index), foreignKey(fk), pointer);
    o.finish();
    return f;
  }

  private static JsonNode defaultValue(Obj o) {
    // JSON null means "no default", like an absent member.
    return o.raw("default");
  }

  private RawIndex index(Obj o) {
    if (o == null) {
      return null;
    }
    RawIndex i = new RawIndex(o.string("type"), o.bool("unique"), o.pointer());
    o.finish();
    return i;
  }

  private RawForeignKey foreignKey(Obj o) {
    if (o == null) {
      return null;
    }
    RawForeignKey f = new RawForeignKey(o.string("table"), o.string("column"),
        o.string("onDelete"), o.string("onUpdate"), o.pointer());
    o.finish();
    return f;
  }

  private RawCache cache(Obj o) {
    if (o == null) {
      return null;
    }
    Obj settings = o.object("settings");
    RawCacheSettings s = null;
    if (settings != null) {
      s = new RawCacheSettings(settings.string("maxMemory"), settings.string("evictionPolicy"),
          settings.pointer());
      settings.finish();
    }
    Obj keys = o.object("keys");
    List<RawRedisKey> redis = List.of();
    List<RawLocalCache> inMemory = List.of();
    List<RawLocalCache> caffeine = List.of();
    if (keys != null) {
      redis = keys.array("redis", this::redisKey);
      inMemory = keys.array("inMemory", this::localCache);
      caffeine = keys.array("caffeine", this::localCache);
      keys.finish();
    }
    RawCache c = new RawCache(o.string("type"), s, redis, inMemory, caffeine, o.pointer());
    o.finish();
    return c;
  }

  private RawRedisKey redisKey(JsonNode node, String pointer) {
    Obj o = object(node, pointer);
    if (o == null) {
      return null;
    }
    boolean ttlPresent = o.raw("ttl") != null;
    RawRedisKey k = new RawRedisKey(o.string("pattern"), o.string("type"), o.number("ttl"),
        ttlPresent, o.string("expireStrategy"), o.string("serialization"),
        o.string("compression"), o.string("eviction"), o.bool("pinned"), o.bool("prettyJson"),
        o.array("hashFields", this::str), o.string("scoreField"), pointer);
    o.finish();
    return k;
  }

  private RawLocalCache localCache(JsonNode node, String pointer) {
    Obj o = object(node, pointer);
    if (o == null) {
      return null;
    }
    RawLocalCache c = new RawLocalCache(o.string("name"), o.number("maxSize"), o.number("ttl"),
        o.number("expireAfterWrite"), o.number("expireAfterAccess"),
        o.number("refreshAfterWrite"), o.bool("weakKeys"), o.bool("weakValues"),
        o.bool("softValues"), o.bool("recordStats"), pointer);
    o.finish();
    return c;
  }

  private RawFeatureGroup group(String id, JsonNode node, String pointer) {
    Obj o = object(node, pointer);
    if (o == null) {
      return null;
    }
    return new RawFeatureGroup(id,
        o.members((fid, fnode) -> feature(fid, fnode, o.pointer(fid))), pointer);
  }

  private RawFeature feature(String id, JsonNode node, String pointer) {
    Obj o = object(node, pointer);
    if (o == null) {
      return null;
    }
    Map<Str, List<Str>> used = new LinkedHashMap<>();
    Obj columns = o.object("usedColumns");
    if (columns != null) {
      columns.members((table, cols) -> {
        String tp = columns.pointer(table);
        List<Str> names = cols.isArray()
            ? columns.array(table, this::str)
            : wrongTypeList(columns, table, cols);
        used.put(new Str(table, tp), names);
        return null;
      });
    }
    List<Str> keys = o.array("usedCacheKeys", this::str);
    Obj children = o.object("children");
    List<RawFeature> kids = children == null ? List.of()
        : children.members((cid, cnode) -> feature(cid, cnode, children.pointer(cid)));
    o.finish();
    return new RawFeature(id, used, keys, kids, pointer);
  }

  private static List<Str> wrongTypeList(Obj owner, String member, JsonNode actual) {
    owner.wrongType(member, actual, "an array of column names");
    return List.of();
  }

  private RawService service(JsonNode node, String pointer) {
    Obj o = object(node, pointer);
    if (o == null) {
      return null;
    }
    RawService s = new RawService(o.string("id"), o.string("name"),
        o.array("endpoints", this::str), pointer);
    o.finish();
    return s;
  }

  private Str str(JsonNode node, String pointer) {
    if (!node.isTextual()) {
      reporter.report(Code.WRONG_TYPE, pointer,
          "expected a string, not " + JsonTypes.describe(node), "");
      return null;
    }
    return new Str(node.textValue(), pointer);
  }

  private Obj object(JsonNode node, String pointer) {
    if (!node.isObject()) {
      reporter.report(Code.WRONG_TYPE, pointer,
          "expected an object, not " + JsonTypes.describe(node), "");
      return null;
    }
    return new Obj(node, pointer, reporter);
  }

  private void missing(Obj owner, String member, String hint) {
    reporter.report(Code.MISSING_PROPERTY, owner.pointer(),
        "'" + member + "' is missing", hint);
  }

  private static void finish(Obj o) {
    if (o != null) {
      o.finish();
    }
  }
}
