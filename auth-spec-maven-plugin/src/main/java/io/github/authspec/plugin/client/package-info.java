/** External service clients: an interface and a JDK {@code HttpClient} implementation per service. */
package io.github.authspec.plugin.client;
