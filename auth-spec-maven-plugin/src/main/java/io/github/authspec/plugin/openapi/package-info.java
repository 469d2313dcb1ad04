/**
 * The OpenAPI 3.1 document of {@code httpApi=true}: exactly the operations of the spec's login
 * flow, with their request, response and problem schemas, written as a resource the application
 * serves. Nothing here runs without {@code httpApi}.
 */
package io.github.authspec.plugin.openapi;
