/**
 * The service layer: the feature catalog, the shared request/result types, and one interface per
 * selected feature.
 */
package io.github.authspec.plugin.service;
