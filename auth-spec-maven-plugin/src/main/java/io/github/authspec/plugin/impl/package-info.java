/**
 * Opt-in implementations behind the service interfaces ({@code implementations=true}): which
 * columns and keys each feature needs, by role ({@link io.github.authspec.plugin.impl.FeatureRoles}),
 * binding them to the spec in one place ({@link io.github.authspec.plugin.impl.RoleBinder}:
 * explicit mapping, then the feature's {@code usedColumns}/{@code usedCacheKeys}, then naming
 * conventions), and one writer per feature that emits a class over the bound names. The
 * algorithms are support sources (area {@code auth}).
 */
package io.github.authspec.plugin.impl;
