/** SQL ↔ Java type mapping and the secret-column rule, one place each. */
package io.github.authspec.plugin.types;
