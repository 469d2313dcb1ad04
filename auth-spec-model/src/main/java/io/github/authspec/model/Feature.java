package io.github.authspec.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feature of {@code diagram.features}, or a selected feature the diagram lacks (then it uses
 * nothing and {@code inDiagram} is false). References that did not resolve were reported as
 * warnings and are kept as text in {@code missing}, so generated docs can note them.
 *
 * @param id the designer's feature id, e.g. {@code totp}
 * @param group the group id, e.g. {@code mfa}; empty for a selected feature absent from the diagram
 * @param parentId the enclosing feature for children
 * @param selected whether {@code midPanel.selectedFeatures} lists it
 * @param usedColumns the resolved columns per table, in spec order
 * @param usedKeys the resolved Redis keys
 * @param missing unresolved references, e.g. {@code table ip_rules}, {@code cache key ip:*}
 */
public record Feature(
    String id,
    String group,
    Optional<String> parentId,
    boolean selected,
    boolean inDiagram,
    Map<Table, List<Column>> usedColumns,
    List<RedisKey> usedKeys,
    List<String> missing,
    List<Feature> children,
    String pointer) {

  public Feature {
    usedColumns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(usedColumns));
    usedKeys = List.copyOf(usedKeys);
    missing = List.copyOf(missing);
    children = List.copyOf(children);
  }
}
