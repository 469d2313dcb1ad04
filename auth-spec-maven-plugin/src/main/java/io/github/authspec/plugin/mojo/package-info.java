/**
 * The Maven goals. Thin: each copies its parameters into a request, calls the orchestrator and
 * maps the result to the build's outcome. No Jackson, JavaPoet, jOOQ or file I/O here (a
 * structure test holds that line).
 */
package io.github.authspec.plugin.mojo;
