/** Entities: one Java record per table, with a builder, column constants and redacted secrets. */
package io.github.authspec.plugin.entity;
