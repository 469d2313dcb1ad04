/** Located, coded problems: every one of a run, in file order, formatted like javac. */
package io.github.authspec.model.diagnostics;
