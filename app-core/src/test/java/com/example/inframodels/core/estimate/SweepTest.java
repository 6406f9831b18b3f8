package com.example.inframodels.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.catalogue.PriceCatalogues;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SweepTest {

  private static final Estimator ESTIMATOR = new Estimator(PriceCatalogues.bundled());

  private static final Workload SAMPLE = Workload.of(1_000_000, "120", 512);

  @Nested
  class Volumes {

    @Test
    void spacesVolumesEvenlyOnALogarithmicScale() {
      List<Long> volumes = Sweep.volumes(1_000, 1_000_000_000, 7);

      assertThat(volumes)
          .containsExactly(
              1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L);
    }

    @Test
    void includesBothEndsAndNeverRepeatsAVolume() {
      List<Long> volumes = Sweep.volumes(1, 10, 100);

      assertThat(volumes)
          .as("ten whole volumes exist between 1 and 10; a hundred points cannot be distinct")
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void staysInsideTheRangeForAnyRange() {
      Random random = new Random(14);
      for (int i = 0; i < 2_000; i++) {
        long from = 1 + (long) (random.nextDouble() * 1e6);
        long to = from + 1 + (long) (random.nextDouble() * Workload.MAX_REQUESTS_PER_MONTH / 2);
        int points = 2 + random.nextInt(Sweep.MAX_POINTS - 1);

        List<Long> volumes = Sweep.volumes(from, to, points);

        assertThat(volumes).as("%d..%d in %d", from, to, points).startsWith(from).endsWith(to);
        assertThat(volumes).hasSizeLessThanOrEqualTo(points).isSorted().doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void pricesEachVolumeAsAnEstimateOfItWould() {
    Workload arm = SAMPLE.on(Architecture.ARM64);

    Sweep sweep = ESTIMATOR.sweep(arm, 10_000, 10_000_000_000L, 12);

    assertThat(sweep.series())
        .extracting(Sweep.Series::model)
        .containsExactly(InfrastructureModel.values());
    for (int i = 0; i < sweep.requestsPerMonth().size(); i++) {
      Estimate estimate =
          ESTIMATOR.estimate(arm.withRequestsPerMonth(sweep.requestsPerMonth().get(i)));
      for (Sweep.Series series : sweep.series()) {
        assertThat(series.monthlyUsd().get(i))
            .as("%s at %d", series.model(), sweep.requestsPerMonth().get(i))
            .isEqualByComparingTo(estimate.option(series.model()).monthlyUsd());
      }
    }
    assertThat(sweep.priceCatalogue()).isEqualTo(ESTIMATOR.prices().version());
  }

  @Test
  void keepsAGivenPeakAcrossTheRange() {
    Workload fixed =
        new Workload(1_000_000L, new BigDecimal("120"), 512, BigDecimal.TEN, null, null);

    Sweep sweep = ESTIMATOR.sweep(fixed, 1_000, 20_000_000, 5);

    assertThat(sweep.series().get(InfrastructureModel.CONTAINER.ordinal()).monthlyUsd())
        .as("a fleet sized for 10 req/s costs the same at every volume up to it")
        .allSatisfy(cost -> assertThat(cost).isEqualByComparingTo("18.02"));
  }

  @Test
  void refusesAPeakBelowTheAverageRateAtTheTopOfTheRange() {
    Workload fixed = new Workload(1_000L, new BigDecimal("120"), 512, BigDecimal.ONE, null, null);

    assertThatThrownBy(() -> ESTIMATOR.sweep(fixed, 1_000, 1_000_000_000, 5))
        .isInstanceOfSatisfying(
            InvalidWorkloadException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactly("peakRequestsPerSecond"));
  }

  @Test
  void namesEveryBadPartOfTheRange() {
    List<FieldViolation> violations =
        ESTIMATOR.sweepViolations(
            0L, null, 1L, new WorkloadFields(null, new BigDecimal("120"), 512, null, null, null));

    assertThat(violations)
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder("fromRequestsPerMonth", "toRequestsPerMonth", "points");
  }
}
