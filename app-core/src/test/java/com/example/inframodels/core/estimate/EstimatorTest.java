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

  /**
   * 300 workloads across the whole input range, the same every run (fixed seed); on both
   * architectures, with bare metal on both offers.
   */
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
              return new Workload(
                  requests,
                  duration,
                  memory,
                  peak,
                  // The bundled catalogue rents x86_64 servers only.
                  i % 7 < 2 ? Architecture.ARM64 : Architecture.X86_64,
                  i % 7 >= 2 && i % 3 == 1 ? BareMetalOffer.DEDICATED : BareMetalOffer.CLOUD);
            });
  }

  /** What a small service is really bought as: burstable VMs, rented servers, Arm. */
  @Nested
  class WhatUsersBuy {

    private final Workload sample = Workload.of(1_000_000, "120", 512);

    @Test
    void aSmallServiceRunsOnBurstableInstancesCountedAtTheirBaseline() {
      Estimate estimate = ESTIMATOR.estimate(sample);

      assertThat(estimate.option(VIRTUAL_MACHINE).capacity().description())
          .isEqualTo(
              "2 × t3.micro (2 vCPU, 1 GiB, burstable: 10% of each vCPU sustained), on demand,"
                  + " 730 h/month");
      assertThat(estimate.option(VIRTUAL_MACHINE).assumptions())
          .anySatisfy(line -> assertThat(line).startsWith("a burstable instance counts at its"));
    }

    @Test
    void aBusierServiceOutgrowsTheBaselineAndBuysMore() {
      // 50 req/s × 0.2 s × (1,769 / 1,769 vCPU) / 0.7 = 14.3 vCPU at the peak: at a 10–40%
      // baseline a burstable fleet would need 36+ instances; whole vCPUs are cheaper.
      Estimate estimate =
          ESTIMATOR.estimate(
              new Workload(10_000_000, new BigDecimal("200"), 1769, BigDecimal.valueOf(50)));

      assertThat(estimate.option(VIRTUAL_MACHINE).capacity().size())
          .as("the cheapest fleet for 14.3 vCPU")
          .isEqualTo("c7i.large");
      assertThat(estimate.option(VIRTUAL_MACHINE).capacity().quantity()).isEqualByComparingTo("8");
    }

    @Test
    void armPricesEveryModelOnItsOwnRates() {
      Estimate estimate = ESTIMATOR.estimate(sample.on(Architecture.ARM64));

      assertThat(estimate.option(SERVERLESS).monthlyUsd())
          .as("1M × 0.20/M + 60,000 GB-s × 0.0000133334")
          .isEqualByComparingTo("1.00");
      assertThat(estimate.option(CONTAINER).monthlyUsd())
          .as("2 tasks × (0.25 × 0.03238 + 0.5 × 0.00356) × 730 h")
          .isEqualByComparingTo("14.42");
      assertThat(estimate.option(VIRTUAL_MACHINE).monthlyUsd())
          .as("2 × t4g.micro × 0.0084 × 730 h")
          .isEqualByComparingTo("12.26");
      assertThat(estimate.option(BARE_METAL).monthlyUsd())
          .as("1 × a1.metal × 0.408 × 730 h")
          .isEqualByComparingTo("297.84");
      assertThat(estimate.workload().architecture()).isEqualTo(Architecture.ARM64);
      assertThat(estimate.assumptions()).anySatisfy(line -> assertThat(line).contains("arm64"));
    }

    @Test
    void armIsAboutAFifthCheaperOnLambdaAndFargate() {
      Estimate x86 = ESTIMATOR.estimate(sample);
      Estimate arm = ESTIMATOR.estimate(sample.on(Architecture.ARM64));

      BigDecimal lambdaRatio = ratio(arm, x86, SERVERLESS);
      BigDecimal fargateRatio = ratio(arm, x86, CONTAINER);
      assertThat(lambdaRatio)
          .as("$1.00 / $1.20")
          .isBetween(new BigDecimal("0.75"), new BigDecimal("0.85"));
      assertThat(fargateRatio)
          .as("$14.42 / $18.02")
          .isBetween(new BigDecimal("0.75"), new BigDecimal("0.85"));
    }

    @Test
    void bareMetalOnARentedServerIsItsMonthlyRent() {
      Estimate estimate = ESTIMATOR.estimate(sample.pricingBareMetalAs(BareMetalOffer.DEDICATED));

      ModelCost bareMetal = estimate.option(BARE_METAL);
      assertThat(bareMetal.monthlyUsd())
          .as("1 × OVHcloud Rise-1 at $70 a month")
          .isEqualByComparingTo("70.00");
      assertThat(bareMetal.capacity().description())
          .isEqualTo("1 × OVHcloud Rise-1 (US) (12 vCPU, 32 GiB), rented by the month");
      assertThat(bareMetal.assumptions())
          .anySatisfy(line -> assertThat(line).contains("https://us.ovhcloud.com/bare-metal/rise/"))
          .contains("plus a one-time setup fee of $70.00 per server, not in the monthly figure");
      assertThat(ESTIMATOR.estimate(sample).option(BARE_METAL).monthlyUsd())
          .as("the default stays the cloud's c5.metal")
          .isEqualByComparingTo("2978.40");
    }

    @Test
    void refusesAChoiceTheCatalogueDoesNotPrice() {
      Estimator x86Only = new Estimator(PriceCatalogues.fromFile(fixture("x86-only.json")));

      assertThat(
              x86Only.violations(
                  new WorkloadFields(1L, BigDecimal.ONE, 512, null, Architecture.ARM64, null)))
          .extracting(FieldViolation::field, FieldViolation::detail)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "architecture", "must be x86_64: price catalogue x86-only prices no other"));
      assertThat(
              x86Only.violations(
                  new WorkloadFields(
                      1L, BigDecimal.ONE, 512, null, null, BareMetalOffer.DEDICATED)))
          .extracting(FieldViolation::field)
          .containsExactly("bareMetal");
      assertThat(
              ESTIMATOR.violations(
                  new WorkloadFields(
                      1L, BigDecimal.ONE, 512, null, Architecture.ARM64, BareMetalOffer.DEDICATED)))
          .as("the bundled catalogue rents no Arm servers")
          .extracting(FieldViolation::detail)
          .containsExactly(
              "must be cloud on arm64: price catalogue aws-us-east-1-2026-12 has no arm64"
                  + " dedicated servers");
      assertThatThrownBy(() -> x86Only.estimate(sample.on(Architecture.ARM64)))
          .isInstanceOf(InvalidWorkloadException.class);
    }

    private static BigDecimal ratio(Estimate a, Estimate b, InfrastructureModel model) {
      return a.option(model)
          .monthlyUsd()
          .divide(b.option(model).monthlyUsd(), MathContext.DECIMAL64);
    }

    private static java.nio.file.Path fixture(String name) {
      try {
        return java.nio.file.Path.of(
            EstimatorTest.class.getResource("/price-catalogues/" + name).toURI());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
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
          .as("0.057 vCPU at the peak: 2 × t3.micro (10% of 2 vCPU sustained) × 0.0104 × 730 h")
          .isEqualByComparingTo("15.18");
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
      assertThat(
              boughtVcpus(
                  estimate.option(BARE_METAL),
                  ESTIMATOR.prices().bareMetal(workload.bareMetal()).orElseThrow()))
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

  /** The vCPUs an option can keep busy: a burstable instance's count at their baseline. */
  private static BigDecimal boughtVcpus(ModelCost option, PriceCatalogue.InstancePrices machines) {
    BigDecimal perMachine =
        machines.instances().stream()
            .filter(type -> type.name().equals(option.capacity().size()))
            .findFirst()
            .orElseThrow()
            .sustainedVcpus();
    return option.capacity().quantity().multiply(perMachine);
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
