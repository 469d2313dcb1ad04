package io.github.authspec.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated, linked spec. Only {@link SpecLoader} builds one, and only when the spec had no
 * errors. Lists keep spec order; generators sort where their output needs it.
 *
 * @param features every feature: the diagram's (children nested in their parents), then
 *     selected features absent from the diagram
 */
public record Spec(
    String serviceType,
    Project project,
    Architecture architecture,
    Infrastructure infrastructure,
    List<String> selectedFeatures,
    Database database,
    Cache cache,
    List<FeatureGroup> featureGroups,
    List<Feature> featuresNotInDiagram,
    List<ExternalService> externalServices) {

  public Spec {
    selectedFeatures = List.copyOf(selectedFeatures);
    featureGroups = List.copyOf(featureGroups);
    featuresNotInDiagram = List.copyOf(featuresNotInDiagram);
    externalServices = List.copyOf(externalServices);
  }

  /** Every feature, depth first, diagram order, then those absent from the diagram. */
  public List<Feature> allFeatures() {
    List<Feature> all = new ArrayList<>();
    for (FeatureGroup g : featureGroups) {
      g.features().forEach(f -> collect(f, all));
    }
    all.addAll(featuresNotInDiagram);
    return all;
  }

  /** Selected features, each with its node (for absent ones, a node using nothing). */
  public List<Feature> selected() {
    return allFeatures().stream().filter(Feature::selected).toList();
  }

  public Optional<Feature> feature(String id) {
    return allFeatures().stream().filter(f -> f.id().equals(id)).findFirst();
  }

  private static void collect(Feature f, List<Feature> into) {
    into.add(f);
    f.children().forEach(c -> collect(c, into));
  }
}
