/**
 * The cache outputs: a key class per Redis key pattern (with the registry and the key codec),
 * the Redis settings fragment, and the local caches.
 */
package io.github.authspec.plugin.redis;
