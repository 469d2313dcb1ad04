package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.authspec.plugin.testsupport.Catalog;
import io.github.authspec.plugin.testsupport.StartGun;
import io.github.authspec.plugin.token.SeedDatabase;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Registration approval on the seed spec's users table, on a real PostgreSQL. */
class RegistrationApprovalTest {
  private DataSource db;
  private RegistrationApproval approval;

  @BeforeEach
  void database() {
    db = SeedDatabase.fresh("approval", 4);
    approval = new RegistrationApproval(db, new RegistrationApproval.Table("users", "id",
        "approval_status", "approved_by"));
  }

  @Test
  @DisplayName("new accounts wait (the column's default); approval lets one in and records who; "
      + "a rejection keeps another out; both leave the pending list")
  void approveAndReject() {
    assertThat(approval.<Long>pending()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(approval.isUnapproved(1L)).isTrue();
    approval.approve(1L, 4L);
    approval.reject(2L, 4L, "not an employee");
    assertThat(approval.isUnapproved(1L)).isFalse();
    assertThat(approval.isUnapproved(2L)).isTrue();
    assertThat(approval.<Long>pending()).containsExactly(3L, 4L);
    assertThat(SeedDatabase.count(db, "SELECT count(*) FROM users WHERE id = 1"
        + " AND approval_status = 'approved' AND approved_by = 4")).isEqualTo(1);
    approval.approve(2L, 4L);
    assertThat(approval.isUnapproved(2L)).as("approval lifts a rejection").isFalse();
  }

  @Test
  @DisplayName("fail closed: no status, an unknown status and an unknown account are all barred; "
      + "a status written elsewhere as NULL counts as pending")
  void failsClosed() {
    Catalog.apply(db, "UPDATE users SET approval_status = NULL WHERE id = 1;"
        + " UPDATE users SET approval_status = 'Approved ' WHERE id = 2");
    assertThat(approval.isUnapproved(1L)).isTrue();
    assertThat(approval.isUnapproved(2L)).isTrue();
    assertThat(approval.isUnapproved(99L)).isTrue();
    assertThat(approval.<Long>pending()).containsExactly(1L, 3L, 4L);
  }

  @Test
  @DisplayName("decisions in the wrong state or on no account are refused and change nothing")
  void wrongState() {
    approval.approve(1L, 4L);
    assertThatThrownBy(() -> approval.approve(1L, 4L)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the account is approved already");
    assertThatThrownBy(() -> approval.reject(1L, 4L, "late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the account is not pending; suspend an approved account instead");
    assertThatThrownBy(() -> approval.approve(99L, 4L))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no such account");
    assertThatThrownBy(() -> approval.reject(99L, 4L, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(approval.isUnapproved(1L)).isFalse();
  }

  @Test
  @DisplayName("a table without approved_by works; the pending list uses the column's own type")
  void withoutApprover() {
    RegistrationApproval plain = new RegistrationApproval(db,
        new RegistrationApproval.Table("users", "id", "approval_status", null));
    plain.approve(3L, null);
    assertThat(plain.isUnapproved(3L)).isFalse();
    assertThat(plain.<Object>pending()).allMatch(Long.class::isInstance);
    assertThatThrownBy(() -> new RegistrationApproval.Table("users", "id", null, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName("start gun: 16 administrators approve and reject one account at once; exactly "
      + "one decision wins and the account ends in its state")
  void oneDecisionWins() throws Exception {
    AtomicInteger turn = new AtomicInteger();
    List<String> won = StartGun.fire(16, () -> {
      boolean approve = turn.getAndIncrement() % 2 == 0;
      try {
        if (approve) {
          approval.approve(3L, 4L);
        } else {
          approval.reject(3L, 4L, "race");
        }
        return approve ? "approved" : "rejected";
      } catch (IllegalStateException lost) {
        return "lost";
      }
    });
    List<String> winners = won.stream().filter(w -> !w.equals("lost")).toList();
    // An approval after a rejection is allowed (it lifts it); a rejection after an approval is
    // not: so the last word is an approval whenever any approval ran after the first decision.
    assertThat(winners).isNotEmpty();
    assertThat(winners.stream().filter(w -> w.equals("rejected")).count()).isLessThanOrEqualTo(1);
    assertThat(winners.stream().filter(w -> w.equals("approved")).count()).isLessThanOrEqualTo(1);
    boolean approved = winners.contains("approved");
    assertThat(approval.isUnapproved(3L)).isEqualTo(!approved);
  }
}
