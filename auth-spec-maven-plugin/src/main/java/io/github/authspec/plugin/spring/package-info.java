/**
 * The Spring Boot flavour ({@code flavour=SPRING_BOOT}): one auto-configuration over the plain
 * output, its {@code @ConfigurationProperties} with IDE metadata, and Spring Security's
 * {@code UserDetailsService}. Nothing here runs for the default flavour.
 */
package io.github.authspec.plugin.spring;
