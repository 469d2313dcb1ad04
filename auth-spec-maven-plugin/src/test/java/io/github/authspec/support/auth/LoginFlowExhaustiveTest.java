package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authspec.support.auth.LoginOutcome.PasswordChangeRequired;
import io.github.authspec.support.auth.LoginOutcome.SecondFactorRequired;
import io.github.authspec.support.auth.LoginOutcome.SignedIn;
import io.github.authspec.support.token.AccountCredentials;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every sequence of flow operations up to a depth, over two accounts on a real PostgreSQL and
 * Redis, the attacker's moves included, with the invariants checked after every step. The state
 * is reset between sequences (one SQL batch, a new Redis key space, the clock back), and the
 * clock moves 30 seconds before each operation, so every TOTP code is of a fresh step and locks
 * lapse after a few operations. Depth and alphabet: {@code -Dflows.depth} (default 5) over the
 * user's and attacker's moves, and the administrator's moves at {@code -Dflows.adminDepth}
 * (default 4) over every move.
 */
class LoginFlowExhaustiveTest {
  private static final LoginSteps.Client CLIENT = new LoginSteps.Client("198.51.100.9", "UA");

  /** One operation; {@link Run#apply} gives its meaning. */
  enum Op {
    LOGIN_A, WRONG_A, LOGIN_B, TOTP_NEWEST, BACKUP_OLDEST, REFRESH_NEWEST, REFRESH_OLDEST,
    LOGOUT_NEWEST, SKIP_FACTOR, EVERYWHERE_A, SUSPEND_A, DELETE_A, RESET_A, FORCE_CHANGE_A,
    CHANGE_NEWEST
  }

  private static final List<Op> MOVES = List.of(Op.LOGIN_A, Op.WRONG_A, Op.LOGIN_B,
      Op.TOTP_NEWEST, Op.BACKUP_OLDEST, Op.REFRESH_NEWEST, Op.REFRESH_OLDEST, Op.LOGOUT_NEWEST);
  private static final List<Op> ALL = List.of(Op.values());

  @Test
  @DisplayName("every sequence of user and attacker moves to depth 5, and of every move with the "
      + "administrator's to depth 4: no credential without every factor, nothing redeemed twice, "
      + "old credentials dead after logout or a credential change, nothing for a locked, "
      + "suspended or deleted account")
  void everySequence() {
    FlowWorld w = FlowWorld.fresh("flows_exhaustive", 10_000);
    int depth = Integer.getInteger("flows.depth", 5);
    int adminDepth = Integer.getInteger("flows.adminDepth", 4);
    long start = System.nanoTime();
    long moves = explore(w, MOVES, depth);
    long admin = explore(w, ALL, adminDepth);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    System.out.printf("flows: %d sequences of %d moves at depth %d and %d of %d at depth %d"
        + " (%d operations) in %d s%n", moves, MOVES.size(), depth, admin, ALL.size(),
        adminDepth, (moves * depth + admin * adminDepth), seconds);
    assertThat(moves).isEqualTo(pow(MOVES.size(), depth));
    assertThat(admin).isEqualTo(pow(ALL.size(), adminDepth));
  }

  private static long explore(FlowWorld w, List<Op> alphabet, int depth) {
    long total = pow(alphabet.size(), depth);
    for (long n = 0; n < total; n++) {
      w.reset();
      Run run = new Run(w);
      long digits = n;
      for (int i = 0; i < depth; i++) {
        Op op = alphabet.get((int) (digits % alphabet.size()));
        digits /= alphabet.size();
        run.step(op);
      }
    }
    return total;
  }

  private static long pow(int base, int exp) {
    long out = 1;
    for (int i = 0; i < exp; i++) {
      out *= base;
    }
    return out;
  }

  /** A challenge the model saw, with its owner. */
  private record Challenge(String text, long owner) {
  }

  /** A credential the model saw: a session handle or a refresh token. */
  private record Credential(String value, long owner, boolean session) {
  }

  /** One sequence: the model's knowledge and the invariants. */
  private static final class Run {
    private final FlowWorld w;
    private final long a;
    private final long b;
    private final List<String> trace = new ArrayList<>();
    private final List<Challenge> challenges = new ArrayList<>();
    /** The password-change challenges, issued after a factor. */
    private final List<Challenge> changes = new ArrayList<>();
    /** Whether A's password is the new one now. */
    private boolean reset;
    private final Set<String> spentChallenges = new HashSet<>();
    private final Set<String> spentCodes = new HashSet<>();
    private final List<Credential> credentials = new ArrayList<>();
    private final Set<String> dead = new HashSet<>();
    private final Set<String> rotated = new HashSet<>();
    private int sessionsOfA;
    private int sessionsOfB;

    Run(FlowWorld w) {
      this.w = w;
      this.a = w.accounts.a();
      this.b = w.accounts.b();
    }

    void step(Op op) {
      w.clock.advance(Duration.ofSeconds(30));
      boolean barredA = barred(a);
      boolean barredB = barred(b);
      LoginOutcome out = apply(op, barredA, barredB);
      trace.add(op + "->" + (out == null ? "-" : out.getClass().getSimpleName()));
      check(barredA, barredB);
    }

    /** Locked, suspended or deleted now. */
    private boolean barred(long id) {
      return w.lockout.lockedUntil(id).isPresent() || w.suspension.isSuspended(id)
          || w.deletion.isDeleted(id);
    }

    private LoginOutcome apply(Op op, boolean barredA, boolean barredB) {
      return switch (op) {
        case LOGIN_A -> login(FlowWorld.A, a, FlowWorld.PASSWORD, barredA);
        case WRONG_A -> {
          LoginOutcome out = w.flow.login(FlowWorld.A, "wrong password".toCharArray(), CLIENT);
          expect(out == LoginOutcome.REFUSED, "a wrong password is refused");
          yield out;
        }
        case LOGIN_B -> login(FlowWorld.B, b, FlowWorld.PASSWORD, barredB);
        case TOTP_NEWEST -> challenges.isEmpty() ? null
            : complete(challenges.get(challenges.size() - 1), w.totpA(), barredA, barredB);
        case BACKUP_OLDEST -> {
          if (challenges.isEmpty()) {
            yield null;
          }
          Challenge c = challenges.get(0);
          String code = (c.owner() == a ? w.accounts.codesA() : w.accounts.codesB()).get(0);
          yield complete(c, code, barredA, barredB);
        }
        case REFRESH_NEWEST -> refresh(newest(false));
        case REFRESH_OLDEST -> refresh(credentials.stream().filter(c -> !c.session())
            .findFirst().orElse(null));
        case LOGOUT_NEWEST -> {
          Credential s = newest(true);
          Credential r = newest(false);
          w.flow.logout(s == null ? null : s.value(), r == null ? null : r.value());
          if (s != null) {
            dead.add(s.value());
          }
          if (r != null) {
            deadFamily(r);
          }
          yield null;
        }
        case FORCE_CHANGE_A -> {
          w.forced.require(a);
          yield null;
        }
        case CHANGE_NEWEST -> changes.isEmpty() ? null : change(changes.get(changes.size() - 1));
        case SKIP_FACTOR -> {
          for (Challenge c : changes) {
            expect(w.flow.completeSecondFactor(c.text(), w.totpA(), CLIENT)
                == LoginOutcome.REFUSED, "a password change's challenge takes no code");
            expect(w.flow.refresh(c.text(), CLIENT) == LoginOutcome.REFUSED,
                "a challenge is no refresh token");
          }
          for (Challenge c : challenges) {
            expect(w.flow.refresh(c.text(), CLIENT) == LoginOutcome.REFUSED,
                "a challenge is no refresh token");
            expect(w.sessions.validate(c.text()).isEmpty(), "a challenge is no session");
            expect(w.flow.changePassword(c.text(), FlowWorld.PASSWORD, FlowWorld.NEW_PASSWORD,
                CLIENT) == LoginOutcome.REFUSED, "a factor's challenge changes no password");
          }
          yield null;
        }
        case EVERYWHERE_A -> {
          w.flow.logoutEverywhere(a);
          killAll(a);
          yield null;
        }
        case SUSPEND_A -> {
          w.suspension.suspend(a, Optional.empty(), "test", b);
          killAll(a);
          yield null;
        }
        case DELETE_A -> {
          w.deletion.requestDeletion(a, "test", CLIENT.ip(), CLIENT.userAgent());
          killAll(a);
          yield null;
        }
        case RESET_A -> {
          FlowWorld.sql(w.db, "UPDATE users SET password_hash = '"
              + w.hasher.hash(FlowWorld.NEW_PASSWORD) + "' WHERE id = " + a);
          w.credentials.end(a, AccountCredentials.Change.PASSWORD_RESET);
          killAll(a);
          // What a login started under the old password dies with it.
          challenges.stream().filter(c -> c.owner() == a).forEach(c -> dead.add(c.text()));
          changes.stream().filter(c -> c.owner() == a).forEach(c -> dead.add(c.text()));
          reset = true;
          yield null;
        }
      };
    }

    private LoginOutcome login(String email, long id, char[] password, boolean barred) {
      LoginOutcome out = w.flow.login(email, password, CLIENT);
      if (barred) {
        expect(out == LoginOutcome.REFUSED, "a locked, suspended or deleted account gets nothing");
      }
      expect(!(out instanceof SignedIn), "no credential without the second factor");
      if (out instanceof SecondFactorRequired s) {
        challenges.add(new Challenge(s.challenge(), id));
      }
      return out;
    }

    private LoginOutcome complete(Challenge c, String code, boolean barredA, boolean barredB) {
      LoginOutcome out = w.flow.completeSecondFactor(c.text(), code, CLIENT);
      boolean success = out instanceof SignedIn || out instanceof PasswordChangeRequired;
      if (success) {
        expect(!(c.owner() == a ? barredA : barredB),
            "a locked, suspended or deleted account completes nothing");
        expect(spentChallenges.add(c.text()), "a challenge is redeemed once");
        expect(!dead.contains(c.text()), "a challenge made before a password reset is dead");
        expect(c.owner() == a ? code.equals(w.totpA())
            || code.equals(w.accounts.codesA().get(0))
            : code.equals(w.accounts.codesB().get(0)), "only the owner's factor completes");
        expect(!w.accounts.codesA().contains(code) && !w.accounts.codesB().contains(code)
            || spentCodes.add(code), "a backup code is redeemed once");
      }
      if (out instanceof PasswordChangeRequired p) {
        changes.add(new Challenge(p.challenge(), c.owner()));
      }
      if (out instanceof SignedIn s) {
        expect(s.userId().equals(c.owner()), "the challenge's account signs in");
        credentials.add(new Credential(s.session(), c.owner(), true));
        credentials.add(new Credential(s.refreshToken(), c.owner(), false));
        if (c.owner() == a) {
          sessionsOfA++;
        } else {
          sessionsOfB++;
        }
      }
      return out;
    }

    /** The required change, with the password the model knows is in force. */
    private LoginOutcome change(Challenge c) {
      boolean barred = barred(c.owner());
      char[] current = c.owner() == a && reset ? FlowWorld.NEW_PASSWORD : FlowWorld.PASSWORD;
      LoginOutcome out = w.flow.changePassword(c.text(), current, FlowWorld.NEW_PASSWORD,
          CLIENT);
      if (out instanceof SignedIn s) {
        expect(!barred, "a locked, suspended or deleted account changes nothing");
        expect(!dead.contains(c.text()), "a challenge made before a password reset is dead");
        expect(spentChallenges.add(c.text()), "a challenge is redeemed once");
        expect(s.userId().equals(c.owner()), "the challenge's account signs in");
        // The change ended every other credential and every login begun before it.
        killAll(c.owner());
        challenges.stream().filter(o -> o.owner() == c.owner()).forEach(o -> dead.add(o.text()));
        changes.stream().filter(o -> o.owner() == c.owner()).forEach(o -> dead.add(o.text()));
        if (c.owner() == a) {
          reset = true;
          sessionsOfA++;
        } else {
          sessionsOfB++;
        }
        credentials.add(new Credential(s.session(), c.owner(), true));
        credentials.add(new Credential(s.refreshToken(), c.owner(), false));
      }
      return out;
    }

    private LoginOutcome refresh(Credential r) {
      if (r == null) {
        return null;
      }
      LoginOutcome out = w.flow.refresh(r.value(), CLIENT);
      if (out instanceof SignedIn s) {
        expect(!dead.contains(r.value()), "a dead refresh token refreshes nothing");
        expect(rotated.add(r.value()), "a refresh token is redeemed once");
        expect(s.userId().equals(r.owner()), "a refresh keeps its account");
        dead.add(r.value());
        credentials.add(new Credential(s.refreshToken(), r.owner(), false));
      } else {
        // A replay revokes the family: every token of it is dead from now on.
        deadFamily(r);
      }
      return out;
    }

    private Credential newest(boolean session) {
      for (int i = credentials.size() - 1; i >= 0; i--) {
        if (credentials.get(i).session() == session) {
          return credentials.get(i);
        }
      }
      return null;
    }

    private void deadFamily(Credential r) {
      Optional<String> family = w.refresh.familyOf(r.value());
      for (Credential c : credentials) {
        if (!c.session() && family.equals(w.refresh.familyOf(c.value()))) {
          dead.add(c.value());
        }
      }
      dead.add(r.value());
    }

    private void killAll(long id) {
      credentials.stream().filter(c -> c.owner() == id).forEach(c -> dead.add(c.value()));
    }

    /** The invariants, after every step. */
    private void check(boolean barredA, boolean barredB) {
      for (Credential c : credentials) {
        if (dead.contains(c.value())) {
          expect(!(c.session() ? w.sessions.validate(c.value()).isPresent()
              : liveRefresh(c.value())), "an ended credential stays dead");
        }
      }
      expect(count("SELECT count(*) FROM sessions WHERE user_id = ?", a) == sessionsOfA
          && count("SELECT count(*) FROM sessions WHERE user_id = ?", b) == sessionsOfB,
          "every session came from a completed second factor");
      for (long id : new long[] {a, b}) {
        if (w.suspension.isSuspended(id) || w.deletion.isDeleted(id)) {
          expect(count("SELECT count(*) FROM sessions WHERE user_id = ? AND is_active", id)
              + count("SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND used_at IS NULL"
              + " AND reuse_detected_at IS NULL", id) == 0,
              "a suspended or deleted account holds nothing");
        }
      }
    }

    private boolean liveRefresh(String token) {
      return count("SELECT count(*) FROM refresh_tokens WHERE token_hash = ? AND used_at IS NULL"
          + " AND reuse_detected_at IS NULL", FlowWorld.digest(token)) > 0;
    }

    private long count(String sql, Object param) {
      try (Connection c = w.db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setObject(1, param);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      } catch (SQLException e) {
        throw new AssertionError(e);
      }
    }

    private void expect(boolean holds, String invariant) {
      if (!holds) {
        throw new AssertionError(invariant + " broken by " + trace + " (then the current step)");
      }
    }
  }
}
