package com.example.inframodels.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  @Test
  void acceptsTheEdgesOfEveryRange() {
    Workload smallest = new Workload(0, new BigDecimal("0.001"), 128, null);
    Workload largest =
        new Workload(
            Workload.MAX_REQUESTS_PER_MONTH,
            Workload.MAX_DURATION_MS,
            Workload.MAX_MEMORY_MB,
            Workload.MAX_PEAK_REQUESTS_PER_SECOND);

    assertThat(smallest.memoryMb()).isEqualTo(128);
    assertThat(largest.memoryMb()).isEqualTo(10_240);
  }

  @Test
  void reportsEveryViolationAtOnce() {
    assertThatThrownBy(() -> new Workload(-1, BigDecimal.ZERO, 64, BigDecimal.ZERO))
        .isInstanceOfSatisfying(
            InvalidWorkloadException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactly(
                        "requestsPerMonth", "avgDurationMs", "memoryMb", "peakRequestsPerSecond"));
  }

  @Test
  void reportsMissingRequiredFields() {
    assertThat(Workload.violations(null, null, null, null))
        .extracting(FieldViolation::field)
        .containsExactly("requestsPerMonth", "avgDurationMs", "memoryMb");
  }
}
