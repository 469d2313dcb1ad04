package io.github.authspec.plugin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The generated registration-approval implementation of the full seed spec, written from its
 * descriptor and support class alone, against a real PostgreSQL in this JVM's option cell.
 */
class RegistrationApprovalImplementationTest {
  @Test
  @DisplayName("the generated class binds users.approval_status and approved_by and answers the "
      + "interface through the support class")
  void generatedDelegates() {
    DataSource db = Generated.database("impl_approval");
    long admin = Generated.user(db, "admin@example.com");
    long user = Generated.user(db, "new@example.com");
    Object approval = Generated.create(
        Generated.className("DefaultRegistrationApprovalWorkflowService"), db);
    assertThat(Generated.call(approval, "pending")).isEqualTo(List.of(admin, user));
    Generated.call(approval, "approve", user, admin);
    assertThat(Generated.call(approval, "pending")).isEqualTo(List.of(admin));
    assertThatThrownBy(() -> Generated.call(approval, "reject", user, admin, "late"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Generated.scalar(db, "SELECT count(*) FROM users WHERE approval_status ="
        + " 'approved' AND approved_by = " + admin)).isEqualTo(1);
    assertThat(Generated.text("DefaultRegistrationApprovalWorkflowService.java"))
        .contains("new RegistrationApproval(dataSource, new RegistrationApproval.Table(\"users\"")
        .contains("return delegate.pending();");
  }
}
