package com.example.inframodels.core.estimate;

import static com.example.inframodels.core.InfrastructureModel.BARE_METAL;
import static com.example.inframodels.core.InfrastructureModel.CONTAINER;
import static com.example.inframodels.core.InfrastructureModel.SERVERLESS;
import static com.example.inframodels.core.InfrastructureModel.VIRTUAL_MACHINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.catalogue.PriceCatalogues;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EstimatorTest {

  private static final Estimator ESTIMATOR = new Estimator(PriceCatalogues.bundled());
  private static final BigDecimal SECONDS_PER_MONTH = BigDecimal.valueOf(730L * 3600);
  private static final List<InfrastructureModel> ALWAYS_ON =
      List.of(BARE_METAL, VIRTUAL_MACHINE, CONTAINER);

  /** 300 workloads across the whole input range, the same every run (fixed seed). */
  static Stream<Workload> workloads() {
    Random random = new Random(20261128L);
    return IntStream.range(0, 300)
        .mapToObj(
            i -> {
              long requests =
                  switch (i % 4) {
                    case 0 -> random.nextInt(1000);
                    case 1 -> random.nextInt(100_000_000);
                    case 2 -> (long) (random.nextDouble() * 1e11);
                    default -> (long) (random.nextDouble() * Workload.MAX_REQUESTS_PER_MONTH);
                  };
              BigDecimal duration =
                  BigDecimal.valueOf(1 + random.nextInt(i % 3 == 0 ? 900_000 : 2_000))
                      .add(BigDecimal.valueOf(random.nextInt(100), 2));
              int memory = 128 + random.nextInt(10_240 - 128 + 1);
              // A given peak is at least the average rate, as the estimator requires.
              BigDecimal peak =
                  i % 5 == 0
                      ? BigDecimal.valueOf(requests)
                          .divide(SECONDS_PER_MONTH, 0, RoundingMode.CEILING)
                          .multiply(BigDecimal.valueOf(1 + random.nextInt(4)))
                          .add(BigDecimal.valueOf(1 + random.nextInt(100)))
                      : null;
              return new Workload(requests, duration, memory, peak);
            });
  }

  @Nested
  class HandComputed {

    @Test
    void pricesTheSampleWorkloadOnEveryModel() {
      Estimate estimate = ESTIMATOR.estimate(Workload.of(1_000_000, "120", 512));

      assertThat(estimate.option(SERVERLESS).monthlyUsd())
          .as("1M × 0.20/M + 60,000 GB-s × 0.0000166667")
          .isEqualByComparingTo("1.20");
      assertThat(estimate.option(CONTAINER).monthlyUsd())
          .as("2 tasks × (0.25 × 0.04048 + 0.5 × 0.004445) × 730 h")
          .isEqualByComparingTo("18.02");
      assertThat(estimate.option(VIRTUAL_MACHINE).monthlyUsd())
          .as("2 × c7i.large × 0.08925 × 730 h")
          .isEqualByComparingTo("130.31");
      assertThat(estimate.option(BARE_METAL).monthlyUsd())
          .as("1 × c5.metal × 4.08 × 730 h")
          .isEqualByComparingTo("2978.40");
      assertThat(estimate.cheapest()).isEqualTo(SERVERLESS);
    }

    @Test
    void sizesAlwaysOnCapacityForThePeakWithHeadroom() {
      Estimate estimate =
          ESTIMATOR.estimate(new Workload(1_000_000, new BigDecimal("120"), 1769, BigDecimal.TEN));

      assertThat(estimate.peakConcurrency()).as("10 req/s × 0.12 s").isEqualByComparingTo("1.2");
      assertThat(estimate.option(CONTAINER).capacity().size())
          .as("1.2 in flight × 1 vCPU (1,769 MB) / 0.7 = 1.71 vCPU, with 1.73 GB each")
          .isEqualTo("1 vCPU / 2 GB");
      assertThat(estimate.option(CONTAINER).capacity().quantity()).isEqualByComparingTo("2");
      assertThat(estimate.option(CONTAINER).monthlyUsd())
          .as("2 × (0.04048 + 2 × 0.004445) × 730 h")
          .isEqualByComparingTo("72.08");
    }

    @Test
    void givesEachRequestTheCpuShareLambdaWouldGiveIt() {
      Estimate oneVcpu =
          ESTIMATOR.estimate(new Workload(1_000_000, new BigDecimal("1000"), 1769, BigDecimal.TEN));
      Estimate twoVcpus =
          ESTIMATOR.estimate(new Workload(1_000_000, new BigDecimal("1000"), 3538, BigDecimal.TEN));

      assertThat(oneVcpu.option(VIRTUAL_MACHINE).capacity().description())
          .as("10 in flight × 1 vCPU / 0.7 = 14.3 vCPU: 8 of the cheapest 2-vCPU type")
          .startsWith("8 × c7i.large");
      assertThat(twoVcpus.option(VIRTUAL_MACHINE).capacity().description())
          .as("10 in flight × 2 vCPU / 0.7 = 28.6 vCPU: 15 of the cheapest 2-vCPU type")
          .startsWith("15 × c7i.large");
    }

    @Test
    void findsBreakEvenOfAFixedFleet() {
      Estimate estimate =
          ESTIMATOR.estimate(new Workload(1_000_000, new BigDecimal("120"), 512, BigDecimal.TEN));

      assertThat(estimate.breakEven().requestsPerMonth())
          .as("2 tasks: 18.02005 USD / 0.000001200002 USD per request, rounded up")
          .isEqualTo(15_016_684L);
      assertThat(estimate.breakEven().alwaysOnModel()).isEqualTo(CONTAINER);
    }

    @Test
    void findsNoBreakEvenBeyondWhatAFixedPeakCanServe() {
      Estimate estimate =
          ESTIMATOR.estimate(new Workload(1_000, new BigDecimal("120"), 512, new BigDecimal("2")));

      assertThat(estimate.breakEven().requestsPerMonth())
          .as("2 req/s all month is 5,256,000 requests, below the 15M where the fleet pays off")
          .isNull();
      assertThat(estimate.breakEven().explanation()).contains("5256000");
    }

    @Test
    void refusesAPeakBelowTheAverageRate() {
      Workload impossible =
          new Workload(1_000_000_000_000L, new BigDecimal("120"), 512, BigDecimal.ONE);

      assertThatThrownBy(() -> ESTIMATOR.estimate(impossible))
          .isInstanceOfSatisfying(
              InvalidWorkloadException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(
                          v -> {
                            assertThat(v.field()).isEqualTo("peakRequestsPerSecond");
                            assertThat(v.detail()).contains("380518");
                          }));
    }

    @Test
    void keepsAtLeastTwoCopiesOfVmsAndContainersAndOneServer() {
      Estimate estimate = ESTIMATOR.estimate(Workload.of(0, "1", 128));

      assertThat(estimate.option(VIRTUAL_MACHINE).capacity().quantity()).isEqualByComparingTo("2");
      assertThat(estimate.option(CONTAINER).capacity().quantity()).isEqualByComparingTo("2");
      assertThat(estimate.option(BARE_METAL).capacity().quantity()).isEqualByComparingTo("1");
      assertThat(estimate.option(SERVERLESS).monthlyUsd()).isEqualByComparingTo("0");
    }

    @Test
    void picksMachinesWithEnoughMemory() {
      Estimate estimate = ESTIMATOR.estimate(Workload.of(1_000, "100", 10_240));

      assertThat(estimate.option(VIRTUAL_MACHINE).capacity().size())
          .as("10 GiB does not fit c7i.large (4 GiB) nor m7i.large (8 GiB)")
          .isEqualTo("r7i.large");
      assertThat(estimate.option(CONTAINER).capacity().size()).isEqualTo("2 vCPU / 10 GB");
    }

    @Test
    void explainsWhyThereIsNoBreakEvenWhenThePeakFollowsTheVolume() {
      Estimate estimate = ESTIMATOR.estimate(Workload.of(1_000_000, "120", 512));

      assertThat(estimate.breakEven().requestsPerMonth()).isNull();
      assertThat(estimate.breakEven().explanation())
          .startsWith("none")
          .contains("peakRequestsPerSecond");
    }
  }

  @Nested
  class Rules {

    @Test
    void listsThePeakBelowTheAverageAfterTheWorkloadsOwnRules() {
      List<FieldViolation> violations =
          ESTIMATOR.violations(1_000_000_000L, new BigDecimal("100"), 1, BigDecimal.ONE);

      assertThat(violations)
          .extracting(FieldViolation::field)
          .containsExactly("memoryMb", "peakRequestsPerSecond");
    }

    @Test
    void comparesThePeakOnlyWithAValidVolume() {
      List<FieldViolation> violations =
          ESTIMATOR.violations(10_000_000_000_000L, new BigDecimal("100"), 512, BigDecimal.ONE);

      assertThat(violations)
          .as("the average of an impossible volume would only repeat that mistake")
          .extracting(FieldViolation::field)
          .containsExactly("requestsPerMonth");
    }

    @Test
    void findsNothingWrongWithAPeakAtTheAverage() {
      BigDecimal average = BigDecimal.valueOf(2_628_000).divide(SECONDS_PER_MONTH);

      assertThat(ESTIMATOR.violations(2_628_000L, new BigDecimal("100"), 512, average)).isEmpty();
    }
  }

  @Nested
  class Properties {

    @ParameterizedTest
    @MethodSource("com.example.inframodels.core.estimate.EstimatorTest#workloads")
    void costsAreNeverNegativeAndTheCheapestIsTheMinimum(Workload workload) {
      Estimate estimate = ESTIMATOR.estimate(workload);

      assertThat(estimate.options()).hasSize(4);
      assertThat(estimate.options())
          .allSatisfy(option -> assertThat(option.monthlyUsd()).isNotNegative());
      BigDecimal lowest =
          estimate.options().stream()
              .map(ModelCost::monthlyUsd)
              .min(BigDecimal::compareTo)
              .orElseThrow();
      assertThat(estimate.option(estimate.cheapest()).monthlyUsd()).isEqualByComparingTo(lowest);
    }

    @ParameterizedTest
    @MethodSource("com.example.inframodels.core.estimate.EstimatorTest#workloads")
    void serverlessCostNeverFallsAsRequestsGrow(Workload workload) {
      long more = Math.min(Workload.MAX_REQUESTS_PER_MONTH, workload.requestsPerMonth() * 2 + 1);

      BigDecimal now = ESTIMATOR.exactMonthlyUsd(SERVERLESS, workload);
      BigDecimal later = ESTIMATOR.exactMonthlyUsd(SERVERLESS, workload.withRequestsPerMonth(more));

      assertThat(later).isGreaterThanOrEqualTo(now);
    }

    @ParameterizedTest
    @MethodSource("com.example.inframodels.core.estimate.EstimatorTest#workloads")
    void alwaysOnCostNeverFallsAsRequestsGrow(Workload workload) {
      long more = Math.min(Workload.MAX_REQUESTS_PER_MONTH, workload.requestsPerMonth() * 2 + 1);

      for (InfrastructureModel model : ALWAYS_ON) {
        assertThat(ESTIMATOR.exactMonthlyUsd(model, workload.withRequestsPerMonth(more)))
            .as(model.toString())
            .isGreaterThanOrEqualTo(ESTIMATOR.exactMonthlyUsd(model, workload));
      }
    }

    @ParameterizedTest
    @MethodSource("com.example.inframodels.core.estimate.EstimatorTest#workloads")
    void breakEvenSeparatesCheaperServerlessFromCheaperAlwaysOn(Workload workload) {
      BreakEven breakEven = ESTIMATOR.estimate(workload).breakEven();

      if (breakEven.requestsPerMonth() == null) {
        for (long volume : samplesUpTo(volumeLimit(workload))) {
          Workload at = workload.withRequestsPerMonth(volume);
          assertThat(ESTIMATOR.exactMonthlyUsd(SERVERLESS, at))
              .as("no break-even: serverless is cheaper at %d requests", volume)
              .isLessThan(cheapestAlwaysOn(at));
        }
        return;
      }
      long volume = breakEven.requestsPerMonth();
      Workload at = workload.withRequestsPerMonth(volume);
      assertThat(volume).isPositive().isLessThanOrEqualTo(volumeLimit(workload));
      assertThat(ESTIMATOR.exactMonthlyUsd(SERVERLESS, at))
          .as("at the break-even, serverless costs at least the cheapest always-on model")
          .isGreaterThanOrEqualTo(cheapestAlwaysOn(at));
      assertThat(ESTIMATOR.exactMonthlyUsd(breakEven.alwaysOnModel(), at))
          .isEqualByComparingTo(cheapestAlwaysOn(at));
      for (long below : samplesUpTo(volume - 1)) {
        Workload cheaper = workload.withRequestsPerMonth(below);
        assertThat(ESTIMATOR.exactMonthlyUsd(SERVERLESS, cheaper))
            .as("below the break-even (%d), serverless is cheaper at %d", volume, below)
            .isLessThan(cheapestAlwaysOn(cheaper));
      }
    }

    @ParameterizedTest
    @MethodSource("com.example.inframodels.core.estimate.EstimatorTest#workloads")
    void alwaysOnCapacityCoversThePeakWithHeadroom(Workload workload) {
      Estimate estimate = ESTIMATOR.estimate(workload);

      // peakConcurrency is reported to 6 places; allow for that rounding.
      BigDecimal neededVcpu =
          estimate
              .peakConcurrency()
              .multiply(BigDecimal.valueOf(workload.memoryMb()))
              .divide(Estimator.MB_PER_VCPU, MathContext.DECIMAL64)
              .divide(Estimator.TARGET_UTILISATION, MathContext.DECIMAL64)
              .subtract(new BigDecimal("0.0001"));
      ModelCost container = estimate.option(CONTAINER);
      BigDecimal taskVcpu = new BigDecimal(container.capacity().size().split(" ")[0]);

      assertThat(boughtVcpus(estimate.option(VIRTUAL_MACHINE), ESTIMATOR.prices().virtualMachine()))
          .isGreaterThanOrEqualTo(neededVcpu);
      assertThat(boughtVcpus(estimate.option(BARE_METAL), ESTIMATOR.prices().bareMetal()))
          .isGreaterThanOrEqualTo(neededVcpu);
      assertThat(container.capacity().quantity().multiply(taskVcpu))
          .isGreaterThanOrEqualTo(neededVcpu);
    }
  }

  private static BigDecimal cheapestAlwaysOn(Workload workload) {
    return ALWAYS_ON.stream()
        .map(model -> ESTIMATOR.exactMonthlyUsd(model, workload))
        .min(BigDecimal::compareTo)
        .orElseThrow();
  }

  private static BigDecimal boughtVcpus(ModelCost option, PriceCatalogue.InstancePrices machines) {
    int perMachine =
        machines.instances().stream()
            .filter(type -> type.name().equals(option.capacity().size()))
            .findFirst()
            .orElseThrow()
            .vcpu();
    return option.capacity().quantity().multiply(BigDecimal.valueOf(perMachine));
  }

  private static long volumeLimit(Workload workload) {
    return workload.peakRequestsPerSecond() == null
        ? Workload.MAX_REQUESTS_PER_MONTH
        : Math.min(
            Workload.MAX_REQUESTS_PER_MONTH,
            workload.peakRequestsPerSecond().multiply(SECONDS_PER_MONTH).longValue());
  }

  /** Volumes spread from 0 to {@code max}, both included. */
  private static List<Long> samplesUpTo(long max) {
    return Stream.of(0.0, 1e-9, 1e-6, 1e-3, 0.1, 0.5, 0.9, 0.999, 1.0)
        .map(fraction -> (long) Math.floor(max * fraction))
        .distinct()
        .toList();
  }
}
