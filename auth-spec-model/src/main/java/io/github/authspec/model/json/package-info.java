/** JSON text to a tree that remembers where every value stands (line, column, JSON pointer). */
package io.github.authspec.model.json;
