/**
 * Opt-in implementations behind the service interfaces ({@code implementations=true}): one
 * registry of the implemented features ({@link io.github.authspec.plugin.impl.Features}) with
 * the columns and keys each needs, by role, its writer and its settings' defaults; binding them
 * to the spec in one place ({@link io.github.authspec.plugin.impl.RoleBinder}: explicit
 * mapping, then the feature's {@code usedColumns}/{@code usedCacheKeys}, then naming
 * conventions), and one writer per feature that emits a class over the bound names. The
 * algorithms are support sources (area {@code auth}).
 */
package io.github.authspec.plugin.impl;
