package io.github.authspec.model;

import java.util.List;

/** A group of {@code diagram.features}, e.g. {@code authentication}, with its top-level features. */
public record FeatureGroup(String id, List<Feature> features, String pointer) {
  public FeatureGroup {
    features = List.copyOf(features);
  }
}
