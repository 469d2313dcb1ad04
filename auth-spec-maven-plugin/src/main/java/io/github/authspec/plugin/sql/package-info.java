/**
 * PostgreSQL migrations: the schema a spec describes ({@link io.github.authspec.plugin.sql.SchemaState}),
 * the difference between two schemas ({@link io.github.authspec.plugin.sql.MigrationPlanner}), and
 * its rendering through jOOQ's DDL API ({@link io.github.authspec.plugin.sql.SqlRenderer}).
 */
package io.github.authspec.plugin.sql;
