/** Every generated name: packages, classes, members, SQL constraints and indexes. */
package io.github.authspec.plugin.naming;
