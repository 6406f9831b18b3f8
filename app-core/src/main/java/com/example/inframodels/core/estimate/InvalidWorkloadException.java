package com.example.inframodels.core.estimate;

import java.util.List;

/** A workload that breaks one or more rules; carries every violation, not just the first. */
public final class InvalidWorkloadException extends RuntimeException {
  private final List<FieldViolation> violations;

  public InvalidWorkloadException(List<FieldViolation> violations) {
    super("invalid workload: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
