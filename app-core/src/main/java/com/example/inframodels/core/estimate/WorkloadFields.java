package com.example.inframodels.core.estimate;

import java.math.BigDecimal;

/**
 * A workload's fields as a request gave them, before any rule has been applied: each is {@code
 * null} when it was absent (or could not be read). {@link Estimator#violations(WorkloadFields)}
 * judges them; a {@link Workload} is made only from fields that passed.
 */
public record WorkloadFields(
    Long requestsPerMonth,
    BigDecimal avgDurationMs,
    Integer memoryMb,
    BigDecimal peakRequestsPerSecond,
    Architecture architecture,
    BareMetalOffer bareMetal) {

  /** The fields of a workload that exists, so that every rule is asked of it the same way. */
  public static WorkloadFields of(Workload workload) {
    return new WorkloadFields(
        workload.requestsPerMonth(),
        workload.avgDurationMs(),
        workload.memoryMb(),
        workload.peakRequestsPerSecond(),
        workload.architecture(),
        workload.bareMetal());
  }

  /** The same fields with another volume (a sweep judges its workload at the end of its range). */
  public WorkloadFields withRequestsPerMonth(Long requests) {
    return new WorkloadFields(
        requests, avgDurationMs, memoryMb, peakRequestsPerSecond, architecture, bareMetal);
  }

  /**
   * The workload these fields give; only for fields that passed every rule, so none that a workload
   * requires is absent.
   */
  public Workload toWorkload() {
    return new Workload(
        requestsPerMonth, avgDurationMs, memoryMb, peakRequestsPerSecond, architecture, bareMetal);
  }
}
