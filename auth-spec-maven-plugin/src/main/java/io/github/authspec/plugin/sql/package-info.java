/**
 * PostgreSQL migrations: the schema a spec describes ({@link io.github.authspec.plugin.sql.SchemaState}),
 * the difference between two schemas ({@link io.github.authspec.plugin.sql.MigrationPlanner}), and
 * its rendering through jOOQ's DDL API ({@link io.github.authspec.plugin.sql.SqlRenderer}), and
 * a first schema's DDL as the same text without jOOQ
 * ({@link io.github.authspec.plugin.sql.CreateSchemaText}).
 */
package io.github.authspec.plugin.sql;
