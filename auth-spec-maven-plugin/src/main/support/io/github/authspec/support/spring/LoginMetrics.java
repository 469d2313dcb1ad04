package io.github.authspec.support.spring;

import io.github.authspec.support.auth.LoginFlow;
import io.github.authspec.support.auth.LoginOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The login flow's steps as Micrometer timers, {@code authspec.login}, tagged with the
 * operation and its outcome's kind only: a timer counts too, so each outcome has its count,
 * total and maximum time. No tag carries an account, an address or anything a caller typed,
 * which also keeps the number of series fixed (six operations times seven outcomes at most).
 */
public final class LoginMetrics implements LoginFlow.Observer {
  /** The meter's name. */
  public static final String METER = "authspec.login";
  private final Supplier<MeterRegistry> registry;

  /**
   * Metrics in {@code registry}.
   *
   * @param registry the application's registry
   */
  public LoginMetrics(MeterRegistry registry) {
    this(always(Objects.requireNonNull(registry, "registry")));
  }

  private static Supplier<MeterRegistry> always(MeterRegistry registry) {
    return () -> registry;
  }

  /**
   * Metrics in the registry {@code registry} gives when asked, or nowhere while it gives none
   * (an application with Micrometer and no registry yet).
   *
   * @param registry where the registry comes from
   */
  public LoginMetrics(Supplier<MeterRegistry> registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void observed(String operation, LoginOutcome outcome, long nanos) {
    MeterRegistry meters = registry.get();
    if (meters == null) {
      return;
    }
    Timer.builder(METER).description("Steps of the login flow, by outcome")
        .tag("operation", operation).tag("outcome", outcome.kind())
        .register(meters).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public String toString() {
    return "LoginMetrics";
  }
}
