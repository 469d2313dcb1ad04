package io.github.authspec.model.json;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed spec: its JSON tree and where each value of it stands in the file. */
public record LocatedJson(JsonNode root, SourceMap sourceMap) {}
