package com.example.inframodels.core.estimate;

import static com.example.inframodels.core.InfrastructureModel.BARE_METAL;
import static com.example.inframodels.core.InfrastructureModel.CONTAINER;
import static com.example.inframodels.core.InfrastructureModel.SERVERLESS;
import static com.example.inframodels.core.InfrastructureModel.VIRTUAL_MACHINE;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.estimate.PriceCatalogue.ContainerRates;
import com.example.inframodels.core.estimate.PriceCatalogue.InstancePrices;
import com.example.inframodels.core.estimate.PriceCatalogue.InstanceType;
import com.example.inframodels.core.estimate.PriceCatalogue.ServerlessRates;
import com.example.inframodels.core.estimate.PriceCatalogue.TaskSize;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The arithmetic of an estimate: what each model needs for a workload's peak, and what that costs a
 * month, exactly. Figures only; {@link EstimateWording} says them in words. The rules it sizes by
 * are the ones {@link Estimator} documents.
 */
final class Sizing {

  static final MathContext MATH = MathContext.DECIMAL128;
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private final PriceCatalogue prices;

  Sizing(PriceCatalogue prices) {
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  /** The load at the peak, and the vCPUs always-on capacity must offer for it. */
  record Demand(BigDecimal peakRps, BigDecimal concurrency, BigDecimal vcpus) {}

  /** What one model needs for a workload, and its exact monthly cost. */
  sealed interface Sized permits Machines, Tasks, Invocations {
    InfrastructureModel model();

    BigDecimal exactUsd();
  }

  /** {@code count} machines of {@code type}, at least {@code minimum}. */
  record Machines(
      InfrastructureModel model,
      InstancePrices catalogue,
      InstanceType type,
      long count,
      int minimum,
      BigDecimal exactUsd)
      implements Sized {}

  /**
   * {@code count} Fargate tasks of {@code size} with {@code memoryGb}, at least {@code minimum}.
   */
  record Tasks(TaskSize size, BigDecimal memoryGb, long count, int minimum, BigDecimal exactUsd)
      implements Sized {
    @Override
    public InfrastructureModel model() {
      return CONTAINER;
    }
  }

  /** The month's Lambda invocations, {@code gbSeconds} of them billed by memory and duration. */
  record Invocations(BigDecimal gbSeconds, BigDecimal exactUsd) implements Sized {
    @Override
    public InfrastructureModel model() {
      return SERVERLESS;
    }
  }

  Demand demand(Workload workload) {
    BigDecimal peak =
        workload.peakRequestsPerSecond() != null
            ? workload.peakRequestsPerSecond()
            : averageRate(workload.requestsPerMonth()).multiply(Workload.PEAK_FACTOR, MATH);
    BigDecimal concurrency = peak.multiply(workload.avgDurationMs(), MATH).divide(THOUSAND, MATH);
    BigDecimal vcpus =
        concurrency
            .multiply(vcpuPerRequest(workload), MATH)
            .divide(Estimator.TARGET_UTILISATION, MATH);
    return new Demand(peak, concurrency, vcpus);
  }

  /** Requests per second when the month's requests are spread evenly over its hours. */
  BigDecimal averageRate(long requestsPerMonth) {
    return BigDecimal.valueOf(requestsPerMonth).divide(secondsPerMonth(), MATH);
  }

  BigDecimal secondsPerMonth() {
    return prices.hoursPerMonth().multiply(SECONDS_PER_HOUR);
  }

  /** Every model, in {@link InfrastructureModel} order. */
  List<Sized> all(Workload workload, Demand demand) {
    List<Sized> all = new ArrayList<>(alwaysOn(workload, demand));
    all.add(serverless(workload));
    return all;
  }

  private List<Sized> alwaysOn(Workload workload, Demand demand) {
    return List.of(
        machines(
            BARE_METAL, bareMetal(workload), Estimator.MIN_BARE_METAL_SERVERS, workload, demand),
        machines(
            VIRTUAL_MACHINE, prices.virtualMachine(), Estimator.MIN_VM_INSTANCES, workload, demand),
        container(workload, demand));
  }

  Sized cheapestAlwaysOn(Workload workload) {
    return cheapest(alwaysOn(workload, demand(workload)));
  }

  /** The lowest cost; of equals, the first, so the order of the models decides a tie. */
  static Sized cheapest(List<Sized> sized) {
    return sized.stream().min(Comparator.comparing(Sized::exactUsd)).orElseThrow();
  }

  BigDecimal serverlessCostPerRequest(Workload workload) {
    ServerlessRates lambda = serverlessRates(workload);
    return lambda
        .perMillionRequests()
        .divide(MILLION, MATH)
        .add(gbSecondsPerRequest(workload).multiply(lambda.perGbSecond(), MATH));
  }

  /**
   * The lowest monthly price of one vCPU it can keep busy, on any always-on model, among sizes that
   * fit: a burstable instance's vCPUs count at their baseline.
   */
  BigDecimal cheapestVcpuMonth(Workload workload) {
    BigDecimal neededGib = PriceCatalogue.gib(workload.memoryMb());
    List<BigDecimal> perVcpu = new ArrayList<>();
    for (InstancePrices machines : List.of(bareMetal(workload), prices.virtualMachine())) {
      for (InstanceType type : machines.on(workload.architecture())) {
        if (type.memoryGib().compareTo(neededGib) >= 0) {
          perVcpu.add(type.monthlyUsd(prices.hoursPerMonth()).divide(type.sustainedVcpus(), MATH));
        }
      }
    }
    BigDecimal neededGb = PriceCatalogue.gb(workload.memoryMb());
    ContainerRates fargate = containerRates(workload);
    for (TaskSize size : prices.container().taskSizes()) {
      smallestMemoryGb(size, neededGb)
          .ifPresent(
              gb ->
                  perVcpu.add(
                      taskHourUsd(size, gb, fargate)
                          .multiply(prices.hoursPerMonth())
                          .divide(size.vcpu(), MATH)));
    }
    return perVcpu.stream().min(Comparator.naturalOrder()).orElseThrow();
  }

  /** The machines bare metal is priced on for this workload. */
  InstancePrices bareMetal(Workload workload) {
    return prices
        .bareMetal(workload.bareMetal())
        .orElseThrow(() -> new IllegalStateException("no " + workload.bareMetal() + " prices"));
  }

  private ServerlessRates serverlessRates(Workload workload) {
    return prices
        .serverless()
        .rates(workload.architecture())
        .orElseThrow(() -> new IllegalStateException("no " + workload.architecture() + " prices"));
  }

  private ContainerRates containerRates(Workload workload) {
    return prices
        .container()
        .rates(workload.architecture())
        .orElseThrow(() -> new IllegalStateException("no " + workload.architecture() + " prices"));
  }

  /** Lambda bills whole milliseconds. */
  static BigDecimal billedMs(Workload workload) {
    return workload.avgDurationMs().setScale(0, RoundingMode.CEILING);
  }

  private Machines machines(
      InfrastructureModel model,
      InstancePrices catalogue,
      int minimum,
      Workload workload,
      Demand demand) {
    BigDecimal neededGib = PriceCatalogue.gib(workload.memoryMb());
    Machines best = null;
    for (InstanceType type : catalogue.on(workload.architecture())) {
      if (type.memoryGib().compareTo(neededGib) < 0) {
        continue;
      }
      long count = Math.max(minimum, ceil(demand.vcpus().divide(type.sustainedVcpus(), MATH)));
      BigDecimal usd =
          type.monthlyUsd(prices.hoursPerMonth()).multiply(BigDecimal.valueOf(count), MATH);
      if (best == null || usd.compareTo(best.exactUsd()) < 0) {
        best = new Machines(model, catalogue, type, count, minimum, usd);
      }
    }
    return Objects.requireNonNull(best, "catalogue validation guarantees a machine that fits");
  }

  private Tasks container(Workload workload, Demand demand) {
    BigDecimal neededGb = PriceCatalogue.gb(workload.memoryMb());
    ContainerRates fargate = containerRates(workload);
    Tasks best = null;
    for (TaskSize size : prices.container().taskSizes()) {
      BigDecimal memory = smallestMemoryGb(size, neededGb).orElse(null);
      if (memory == null) {
        continue;
      }
      long tasks =
          Math.max(Estimator.MIN_CONTAINER_TASKS, ceil(demand.vcpus().divide(size.vcpu(), MATH)));
      BigDecimal usd =
          taskHourUsd(size, memory, fargate)
              .multiply(BigDecimal.valueOf(tasks))
              .multiply(prices.hoursPerMonth(), MATH);
      if (best == null || usd.compareTo(best.exactUsd()) < 0) {
        best = new Tasks(size, memory, tasks, Estimator.MIN_CONTAINER_TASKS, usd);
      }
    }
    return Objects.requireNonNull(best, "catalogue validation guarantees a task size that fits");
  }

  /** Fargate bills the smallest memory allowed with the task's vCPU that holds the workload. */
  private static Optional<BigDecimal> smallestMemoryGb(TaskSize size, BigDecimal neededGb) {
    return size.memoryGb().stream()
        .filter(gb -> gb.compareTo(neededGb) >= 0)
        .min(Comparator.naturalOrder());
  }

  /** One hour of one Fargate task of this size. */
  static BigDecimal taskHourUsd(TaskSize size, BigDecimal memoryGb, ContainerRates fargate) {
    return size.vcpu().multiply(fargate.perVcpuHour()).add(memoryGb.multiply(fargate.perGbHour()));
  }

  private Invocations serverless(Workload workload) {
    ServerlessRates lambda = serverlessRates(workload);
    BigDecimal requests = BigDecimal.valueOf(workload.requestsPerMonth());
    BigDecimal gbSeconds = gbSecondsPerRequest(workload).multiply(requests, MATH);
    BigDecimal usd =
        requests
            .divide(MILLION, MATH)
            .multiply(lambda.perMillionRequests(), MATH)
            .add(gbSeconds.multiply(lambda.perGbSecond(), MATH));
    return new Invocations(gbSeconds, usd);
  }

  /** The billed duration at the configured memory. */
  private static BigDecimal gbSecondsPerRequest(Workload workload) {
    return billedMs(workload)
        .divide(THOUSAND, MATH)
        .multiply(PriceCatalogue.gb(workload.memoryMb()), MATH);
  }

  private static BigDecimal vcpuPerRequest(Workload workload) {
    return BigDecimal.valueOf(workload.memoryMb()).divide(Estimator.MB_PER_VCPU, MATH);
  }

  private static long ceil(BigDecimal value) {
    return value.setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
