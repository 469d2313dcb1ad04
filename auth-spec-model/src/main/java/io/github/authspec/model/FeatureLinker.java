package io.github.authspec.model;

import io.github.authspec.model.diagnostics.Code;
import io.github.authspec.model.diagnostics.Reporter;
import io.github.authspec.model.raw.RawSpec.RawFeature;
import io.github.authspec.model.raw.RawSpec.RawFeatureGroup;
import io.github.authspec.model.raw.RawSpec.Str;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links features to the tables, columns and Redis keys they use. A reference that does not
 * resolve is a warning, not an error: the feature is still generated, without that link.
 */
final class FeatureLinker {
  private final Reporter reporter;
  private final Database database;
  private final Cache cache;
  private final Set<String> selected;
  private final Set<String> seen = new HashSet<>();

  FeatureLinker(Reporter reporter, Database database, Cache cache, List<Str> selected) {
    this.reporter = reporter;
    this.database = database;
    this.cache = cache;
    this.selected = new LinkedHashSet<>();
    for (Str s : selected) {
      if (!this.selected.add(s.value())) {
        reporter.report(Code.DUPLICATE_FEATURE, s.pointer(),
            "feature '" + s.value() + "' is selected twice", "remove one of the two");
      }
    }
  }

  List<FeatureGroup> groups(List<RawFeatureGroup> raws) {
    List<FeatureGroup> groups = new ArrayList<>();
    for (RawFeatureGroup g : raws) {
      checkId(g.id(), g.pointer(), "feature group");
      List<Feature> features = new ArrayList<>();
      for (RawFeature f : g.features()) {
        feature(f, g.id(), Optional.empty()).ifPresent(features::add);
      }
      groups.add(new FeatureGroup(g.id(), features, g.pointer()));
    }
    return groups;
  }

  /** Selected ids the diagram does not have: reported, and kept as features using nothing. */
  List<Feature> notInDiagram(List<Str> selectedRaw) {
    List<Feature> absent = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (Str s : selectedRaw) {
      if (seen.contains(s.value()) || !done.add(s.value())) {
        continue;
      }
      reporter.report(Code.FEATURE_NOT_IN_DIAGRAM, s.pointer(),
          "feature '" + s.value() + "' is selected but absent from diagram.features",
          "its service interface is generated without table or cache links; add it to the "
              + "diagram to link them");
      absent.add(new Feature(s.value(), "", Optional.empty(), true, false, Map.of(), List.of(),
          List.of(), List.of(), s.pointer()));
    }
    return absent;
  }

  private Optional<Feature> feature(RawFeature f, String group, Optional<String> parent) {
    if (!checkId(f.id(), f.pointer(), "feature")) {
      return Optional.empty();
    }
    if (!seen.add(f.id())) {
      reporter.report(Code.DUPLICATE_FEATURE, f.pointer(),
          "feature '" + f.id() + "' appears twice in diagram.features", "keep one of the two");
      return Optional.empty();
    }
    boolean isSelected = selected.contains(f.id());
    if (!isSelected) {
      reporter.report(Code.FEATURE_NOT_SELECTED, f.pointer(),
          "feature '" + f.id() + "' is in the diagram but not selected; no code is generated "
              + "for it",
          "add it to midPanel.selectedFeatures, or remove it from the diagram");
    }
    List<String> missing = new ArrayList<>();
    Map<Table, List<Column>> columns = columns(f, missing);
    List<RedisKey> keys = keys(f, missing);
    List<Feature> children = new ArrayList<>();
    for (RawFeature c : f.children()) {
      feature(c, group, Optional.of(f.id())).ifPresent(children::add);
    }
    return Optional.of(new Feature(f.id(), group, parent, isSelected, true, columns, keys,
        missing, children, f.pointer()));
  }

  private Map<Table, List<Column>> columns(RawFeature f, List<String> missing) {
    Map<Table, List<Column>> used = new LinkedHashMap<>();
    f.usedColumns().forEach((tableName, columnNames) -> {
      Optional<Table> table = database.table(tableName.value());
      if (table.isEmpty()) {
        reporter.report(Code.FEATURE_UNKNOWN_TABLE, tableName.pointer(),
            "feature '" + f.id() + "' uses table '" + tableName.value()
                + "', which is not defined",
            "the feature is generated without it; define the table or fix the name");
        missing.add("table " + tableName.value());
        return;
      }
      List<Column> resolved = new ArrayList<>();
      for (Str c : columnNames) {
        Optional<Column> column = table.get().column(c.value());
        if (column.isEmpty()) {
          reporter.report(Code.FEATURE_UNKNOWN_COLUMN, c.pointer(),
              "feature '" + f.id() + "' uses column '" + tableName.value() + "." + c.value()
                  + "', which is not defined",
              Suggest.hint(c.value(), table.get().columns().stream().map(Column::name).toList()));
          missing.add("column " + tableName.value() + "." + c.value());
        } else {
          resolved.add(column.get());
        }
      }
      used.put(table.get(), resolved);
    });
    return used;
  }

  private List<RedisKey> keys(RawFeature f, List<String> missing) {
    List<RedisKey> keys = new ArrayList<>();
    for (Str k : f.usedCacheKeys()) {
      Optional<RedisKey> key = cache.redisKey(k.value());
      if (key.isEmpty()) {
        reporter.report(Code.FEATURE_UNKNOWN_CACHE_KEY, k.pointer(),
            "feature '" + f.id() + "' uses cache key '" + k.value() + "', which is not declared",
            "declare it in diagram.cache.keys.redis; the feature is generated without it");
        missing.add("cache key " + k.value());
      } else {
        keys.add(key.get());
      }
    }
    return keys;
  }

  private boolean checkId(String id, String pointer, String what) {
    if (!Identifiers.ID.matcher(id).matches()) {
      reporter.report(Code.INVALID_NAME, pointer,
          what + " id '" + id + "' is not a kebab-case id",
          "use lower case letters, digits and '-', e.g. \"email-password-login\"");
      return false;
    }
    return true;
  }
}
