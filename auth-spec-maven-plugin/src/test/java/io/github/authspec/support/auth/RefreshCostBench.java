package io.github.authspec.support.auth;

import io.github.authspec.support.token.AccessTokenIssuer;
import io.github.authspec.support.token.JwsAlgorithm;
import io.github.authspec.support.token.KeyRing;
import io.github.authspec.support.token.SigningKey;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Where one refresh's time goes, on one thread without HTTP: the rotation (one statement in its
 * own transaction), each bar of the account's state (one statement each), the three bars read
 * in one statement instead, the access token's signature, and the flow's whole refresh. Not a
 * test: {@code java -cp <test class path> io.github.authspec.support.auth.RefreshCostBench
 * [iterations]}.
 */
public final class RefreshCostBench {
  private RefreshCostBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
    FlowWorld w = FlowWorld.fresh("refresh_cost", 10_000);
    w.reset();
    long user = w.accounts.b();
    String[] token = {w.refresh.issue(user).token()};
    AccessTokenIssuer issuer = new AccessTokenIssuer(new KeyRing(SigningKey.generate(
        JwsAlgorithm.ES256, new SecureRandom()), Clock.systemUTC()), FlowWorld.TOKENS,
        Clock.systemUTC(), new SecureRandom());
    String[] flowToken = {w.refresh.issue(user).token()};
    LoginSteps.Client client = new LoginSteps.Client("203.0.113.9", "bench");
    for (int round = 0; round < 2; round++) {
      System.out.printf("round %d, %d iterations, microseconds per call (median of 5 slices)%n",
          round, n);
      time("rotation", n, () -> {
        token[0] = w.refresh.rotate(token[0]).issued().orElseThrow().token();
        return null;
      });
      time("bar: suspended", n, () -> w.suspension.isSuspended(user));
      time("bar: deleted", n, () -> w.deletion.isDeleted(user));
      time("bar: unapproved", n, () -> w.approval.isUnapproved(user));
      time("three bars, one statement", n, () -> oneStatement(w, user));
      time("sign an ES256 access token", n, () -> issuer.issue(String.valueOf(user), Set.of(),
          Optional.empty(), Optional.of("fam")));
      time("the flow's refresh", n, () -> {
        LoginOutcome out = w.flow.refresh(flowToken[0], client);
        flowToken[0] = ((LoginOutcome.SignedIn) out).refreshToken();
        return null;
      });
    }
    System.exit(0);
  }

  private static boolean oneStatement(FlowWorld w, long user) throws Exception {
    try (Connection c = w.db.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT suspended_at IS NOT NULL AND (suspended_until IS NULL OR suspended_until > ?)"
            + " OR deleted_at IS NOT NULL OR approval_status <> 'approved' FROM users"
            + " WHERE id = ?")) {
      s.setObject(1, java.time.OffsetDateTime.now());
      s.setLong(2, user);
      try (ResultSet r = s.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    }
  }

  private static void time(String what, int n, Callable<?> call) throws Exception {
    int slice = Math.max(1, n / 5);
    double[] micros = new double[5];
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      for (int j = 0; j < slice; j++) {
        call.call();
      }
      micros[i] = (System.nanoTime() - start) / 1_000.0 / slice;
    }
    java.util.Arrays.sort(micros);
    System.out.printf("  %-28s %8.1f%n", what, micros[2]);
  }
}
