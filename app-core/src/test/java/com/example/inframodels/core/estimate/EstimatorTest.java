package com.example.inframodels.core.estimate;

import static com.example.inframodels.core.InfrastructureModel.BARE_METAL;
import static com.example.inframodels.core.InfrastructureModel.CONTAINER;
import static com.example.inframodels.core.InfrastructureModel.SERVERLESS;
import static com.example.inframodels.core.InfrastructureModel.VIRTUAL_MACHINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.api.PriceCatalogues;
import java.math.BigDecimal;
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
              BigDecimal peak = i % 5 == 0 ? BigDecimal.valueOf(1 + random.nextInt(5_000)) : null;
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
          ESTIMATOR.estimate(new Workload(1_000_000, new BigDecimal("120"), 512, BigDecimal.TEN));

      assertThat(estimate.peakConcurrency()).as("10 req/s × 0.12 s").isEqualByComparingTo("1.2");
      assertThat(estimate.option(CONTAINER).capacity().quantity())
          .as("1.2 / 0.7 = 1.71 vCPU in 0.25 vCPU tasks")
          .isEqualByComparingTo("7");
      assertThat(estimate.option(CONTAINER).monthlyUsd()).isEqualByComparingTo("63.07");
    }

    @Test
    void findsBreakEvenOfAFixedFleet() {
      Estimate estimate =
          ESTIMATOR.estimate(new Workload(1_000_000, new BigDecimal("120"), 512, BigDecimal.TEN));

      assertThat(estimate.breakEven().requestsPerMonth())
          .as("ceil(63.070175 / 0.000001200002)")
          .isEqualTo(52_558_392L);
      assertThat(estimate.breakEven().alwaysOnModel()).isEqualTo(CONTAINER);
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
        for (long volume : List.of(0L, 1_000L, 1_000_000L, 1_000_000_000L, 999_999_999_999L)) {
          Workload at = workload.withRequestsPerMonth(volume);
          assertThat(ESTIMATOR.exactMonthlyUsd(SERVERLESS, at))
              .as("no break-even: serverless is cheaper at %d requests", volume)
              .isLessThan(cheapestAlwaysOn(at));
        }
        return;
      }
      long volume = breakEven.requestsPerMonth();
      Workload at = workload.withRequestsPerMonth(volume);
      Workload justBelow = workload.withRequestsPerMonth(volume - 1);
      assertThat(volume).isPositive();
      assertThat(ESTIMATOR.exactMonthlyUsd(SERVERLESS, at))
          .as("at the break-even, serverless costs at least the cheapest always-on model")
          .isGreaterThanOrEqualTo(cheapestAlwaysOn(at));
      assertThat(ESTIMATOR.exactMonthlyUsd(SERVERLESS, justBelow))
          .as("one request below it, serverless is still cheaper")
          .isLessThan(cheapestAlwaysOn(justBelow));
      assertThat(ESTIMATOR.exactMonthlyUsd(breakEven.alwaysOnModel(), at))
          .isEqualByComparingTo(cheapestAlwaysOn(at));
    }

    @ParameterizedTest
    @MethodSource("com.example.inframodels.core.estimate.EstimatorTest#workloads")
    void alwaysOnCapacityCoversThePeakWithHeadroom(Workload workload) {
      Estimate estimate = ESTIMATOR.estimate(workload);

      BigDecimal neededVcpu =
          estimate
              .peakConcurrency()
              .divide(Estimator.TARGET_UTILISATION, java.math.MathContext.DECIMAL64);
      ModelCost vm = estimate.option(VIRTUAL_MACHINE);
      int vcpuPerInstance =
          ESTIMATOR.prices().virtualMachine().instances().stream()
              .filter(type -> type.name().equals(vm.capacity().size()))
              .findFirst()
              .orElseThrow()
              .vcpu();
      assertThat(vm.capacity().quantity().multiply(BigDecimal.valueOf(vcpuPerInstance)))
          .as("vCPUs bought ≥ peak concurrency / target utilisation (rounded to 6 places)")
          .isGreaterThanOrEqualTo(neededVcpu.subtract(new BigDecimal("0.00001")));
    }
  }

  private static BigDecimal cheapestAlwaysOn(Workload workload) {
    return ALWAYS_ON.stream()
        .map(model -> ESTIMATOR.exactMonthlyUsd(model, workload))
        .min(BigDecimal::compareTo)
        .orElseThrow();
  }
}
