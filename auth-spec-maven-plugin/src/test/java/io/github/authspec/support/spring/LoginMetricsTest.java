package io.github.authspec.support.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.support.auth.LoginFlow;
import io.github.authspec.support.auth.LoginOutcome;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The login flow's metrics in a real Micrometer registry. */
class LoginMetricsTest {
  @Test
  @DisplayName("each step is timed and counted under its operation and outcome kind, and under "
      + "nothing else")
  void timersByOutcome() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LoginFlow.Observer metrics = new LoginMetrics(registry);
    metrics.observed("login", LoginOutcome.REFUSED, 2_000_000);
    metrics.observed("login", LoginOutcome.REFUSED, 4_000_000);
    metrics.observed("login", new LoginOutcome.SecondFactorRequired("secret challenge"), 1_000);
    metrics.observed("refresh", new LoginOutcome.SignedIn(7L, null, "secret token"), 1_000);
    assertThat(registry.get(LoginMetrics.METER).tags("operation", "login", "outcome", "refused")
        .timer().count()).isEqualTo(2);
    assertThat(registry.get(LoginMetrics.METER).tags("operation", "login", "outcome", "refused")
        .timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(6.0);
    assertThat(registry.get(LoginMetrics.METER).tags("operation", "login", "outcome",
        "second-factor-required").timer().count()).isEqualTo(1);
    assertThat(registry.get(LoginMetrics.METER).tags("operation", "refresh", "outcome",
        "signed-in").timer().count()).isEqualTo(1);
    List<Meter> meters = registry.getMeters();
    assertThat(meters).hasSize(3).allSatisfy(m -> assertThat(m.getId().getTags())
        .extracting(Tag::getKey).containsExactly("operation", "outcome"));
    assertThat(meters).extracting(m -> m.getId().toString())
        .allSatisfy(id -> assertThat(id).doesNotContain("secret").doesNotContain("7"));
  }

  @Test
  @DisplayName("every outcome has a kind of its own")
  void kinds() {
    assertThat(List.of(LoginOutcome.REFUSED, new LoginOutcome.SignedIn(1, "s", "t"),
        new LoginOutcome.SecondFactorRequired("c"), new LoginOutcome.EnrolmentRequired("c", "u"),
        new LoginOutcome.PasswordChangeRequired("c"),
        new LoginOutcome.PasswordRejected(List.of("short")),
        new LoginOutcome.Limited(java.time.Duration.ofSeconds(1))))
        .extracting(LoginOutcome::kind).containsExactly("refused", "signed-in",
            "second-factor-required", "enrolment-required", "password-change-required",
            "password-rejected", "limited");
  }
}
