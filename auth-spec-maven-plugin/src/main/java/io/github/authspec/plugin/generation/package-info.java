/**
 * The run: request, context, the generator contract and registry, the orchestrator (read →
 * validate → plan in memory → write) and the up-to-date fingerprint.
 */
package io.github.authspec.plugin.generation;
