package io.github.authspec.model;

/** A resolved foreign key: both ends are columns of the model. */
public record ForeignKey(
    Column source, Column target, ForeignKeyAction onDelete, ForeignKeyAction onUpdate) {

  @Override
  public String toString() {
    return source.qualifiedName() + " -> " + target.qualifiedName();
  }
}
