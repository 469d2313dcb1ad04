/** Repositories: one JDBC repository per table over a {@code DataSource}, plus shared plumbing. */
package io.github.authspec.plugin.repository;
