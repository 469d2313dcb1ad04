/** The spec exactly as the JSON holds it, after type checks: the binder's output. */
package io.github.authspec.model.raw;
