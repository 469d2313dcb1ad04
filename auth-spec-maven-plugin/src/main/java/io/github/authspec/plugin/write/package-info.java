/** The only code that writes output: skip unchanged bytes, delete stale files, keep a manifest. */
package io.github.authspec.plugin.write;
