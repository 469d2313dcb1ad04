/**
 * The validated, linked, immutable spec ({@link io.github.authspec.model.Spec}) and the loader
 * that builds it ({@link io.github.authspec.model.SpecLoader}) with the linkers per part.
 */
package io.github.authspec.model;
