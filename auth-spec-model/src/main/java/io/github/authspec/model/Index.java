package io.github.authspec.model;

/** A column's {@code index}: its access method and whether it is unique. */
public record Index(IndexType type, boolean unique) {

  /** PostgreSQL access methods. Only BTREE indexes can be unique. */
  public enum IndexType { BTREE, HASH, GIN, GIST, BRIN }
}
