package com.example.authservice.app;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** A resource guarded by the generated PermissionEvaluator: reading needs document:read. */
@Component
public class Documents {
  /**
   * A document.
   *
   * @param id the document's id
   * @return its text
   */
  @PreAuthorize("hasPermission(#id, 'document', 'read')")
  public String read(long id) {
    return "document " + id;
  }
}
