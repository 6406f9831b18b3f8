package com.example.inframodels.core.estimate;

import static com.example.inframodels.core.InfrastructureModel.BARE_METAL;
import static com.example.inframodels.core.InfrastructureModel.CONTAINER;
import static com.example.inframodels.core.InfrastructureModel.SERVERLESS;
import static com.example.inframodels.core.InfrastructureModel.VIRTUAL_MACHINE;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.estimate.PriceCatalogue.InstancePrices;
import com.example.inframodels.core.estimate.PriceCatalogue.InstanceType;
import com.example.inframodels.core.estimate.PriceCatalogue.Source;
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
 * Prices a workload on each model from a {@link PriceCatalogue}.
 *
 * <p>Always-on models (bare metal, VM, container) are sized for the peak: requests in flight at the
 * peak follow from Little's law (peak rate × duration); each needs the share of a vCPU Lambda would
 * give it ({@link #MB_PER_VCPU}); machines run at most {@link #TARGET_UTILISATION} so that a burst
 * or a lost machine does not overload the rest. VMs and containers keep at least two copies for
 * availability; a bare-metal server is one machine. Serverless is billed per request and per
 * GB-second actually used.
 */
public final class Estimator {

  /** Headroom: always-on capacity is bought so that the peak uses at most 70% of it. */
  public static final BigDecimal TARGET_UTILISATION = new BigDecimal("0.7");

  public static final int MIN_BARE_METAL_SERVERS = 1;
  public static final int MIN_VM_INSTANCES = 2;
  public static final int MIN_CONTAINER_TASKS = 2;

  /**
   * Lambda gives a function CPU in proportion to its memory: one vCPU at 1,769 MB
   * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html). A request measured at
   * {@code avgDurationMs} with {@code memoryMb} used at most that share of a vCPU, and needs the
   * same on an always-on machine.
   */
  public static final BigDecimal MB_PER_VCPU = BigDecimal.valueOf(1769);

  /** Lambda's default per-region concurrency quota. */
  static final BigDecimal SERVERLESS_CONCURRENCY_QUOTA = BigDecimal.valueOf(1000);

  /** Bound on the break-even search: one step per change of always-on capacity. */
  private static final int MAX_BREAK_EVEN_STEPS = 10_000;

  private static final MathContext MATH = MathContext.DECIMAL128;
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private final PriceCatalogue prices;

  public Estimator(PriceCatalogue prices) {
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  public PriceCatalogue prices() {
    return prices;
  }

  /**
   * Prices the workload.
   *
   * @throws InvalidWorkloadException when a given peak is below the workload's own average rate
   */
  public Estimate estimate(Workload workload) {
    List<FieldViolation> violations =
        violations(workload.requestsPerMonth(), workload.peakRequestsPerSecond());
    if (!violations.isEmpty()) {
      throw new InvalidWorkloadException(violations);
    }
    Demand demand = demand(workload);
    List<Priced> priced = priced(workload, demand);
    InfrastructureModel cheapest =
        priced.stream().min(Comparator.comparing(Priced::exactUsd)).orElseThrow().model;
    List<ModelCost> options = priced.stream().map(Priced::rounded).toList();
    return new Estimate(
        workload,
        demand.peakRps.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros(),
        demand.concurrency.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros(),
        options,
        cheapest,
        breakEven(workload),
        prices.version(),
        assumptions(workload));
  }

  /**
   * Rules that depend on the prices' month: a given peak must be at least the average rate. Either
   * argument may be {@code null} (absent), which breaks no rule here.
   */
  public List<FieldViolation> violations(Long requestsPerMonth, BigDecimal peakRequestsPerSecond) {
    if (requestsPerMonth == null || peakRequestsPerSecond == null) {
      return List.of();
    }
    BigDecimal average = BigDecimal.valueOf(requestsPerMonth).divide(secondsPerMonth(), MATH);
    if (peakRequestsPerSecond.compareTo(average) >= 0) {
      return List.of();
    }
    return List.of(
        new FieldViolation(
            "peakRequestsPerSecond",
            "must be at least the average rate, "
                + average.round(new MathContext(6)).toPlainString()
                + " requests per second (requestsPerMonth over a "
                + prices.hoursPerMonth().toPlainString()
                + "-hour month)"));
  }

  /**
   * The exact (unrounded) monthly cost of one model; the break-even and the cheapest model are
   * decided on these, not on the rounded figures.
   */
  public BigDecimal exactMonthlyUsd(InfrastructureModel model, Workload workload) {
    return priced(workload, demand(workload)).stream()
        .filter(priced -> priced.model == model)
        .findFirst()
        .orElseThrow()
        .exactUsd;
  }

  /**
   * The lowest monthly volume at which serverless costs at least as much as the cheapest always-on
   * model. Serverless cost grows in proportion to volume; always-on cost is a step function that
   * only rises with volume. Walking the steps from zero finds the first crossing exactly. (Further
   * up, a new step can make serverless the cheaper one again; the estimate for that volume says
   * so.)
   */
  BreakEven breakEven(Workload workload) {
    BigDecimal perRequest = serverlessCostPerRequest(workload);
    if (workload.peakRequestsPerSecond() == null) {
      // Always-on capacity needs at least this much per request, at any volume: if serverless
      // costs less per request, it stays cheaper everywhere and there is nothing to search.
      BigDecimal alwaysOnFloor =
          demand(workload.withRequestsPerMonth(1))
              .vcpus
              .multiply(cheapestVcpuMonth(workload), MATH);
      if (perRequest.compareTo(alwaysOnFloor) < 0) {
        return new BreakEven(
            null,
            cheapestAlwaysOn(workload).model,
            "none: serverless stays cheaper at every volume. With the peak derived from the"
                + " volume, always-on capacity costs at least $"
                + alwaysOnFloor.round(new MathContext(3)).toPlainString()
                + " per request, serverless $"
                + perRequest.round(new MathContext(3)).toPlainString()
                + ". Give peakRequestsPerSecond to price a fleet of fixed size.");
      }
    }
    long limit = volumeLimit(workload);
    long volume = 0;
    for (int step = 0; step < MAX_BREAK_EVEN_STEPS; step++) {
      Priced alwaysOn = cheapestAlwaysOn(workload.withRequestsPerMonth(volume));
      BigDecimal crossingExact = alwaysOn.exactUsd.divide(perRequest, MATH);
      if (crossingExact.compareTo(BigDecimal.valueOf(limit)) > 0) {
        return none(workload, limit);
      }
      long crossing = crossingExact.setScale(0, RoundingMode.CEILING).longValue();
      if (crossing <= volume) {
        return found(volume, alwaysOn.model);
      }
      Priced atCrossing = cheapestAlwaysOn(workload.withRequestsPerMonth(crossing));
      if (atCrossing.exactUsd.compareTo(alwaysOn.exactUsd) == 0) {
        return found(crossing, atCrossing.model);
      }
      volume = firstVolumeAbove(workload, volume, crossing, alwaysOn.exactUsd);
    }
    return new BreakEven(
        null,
        cheapestAlwaysOn(workload).model,
        "unknown: no crossing within the first "
            + MAX_BREAK_EVEN_STEPS
            + " changes of always-on capacity (up to "
            + volume
            + " requests per month, where serverless is still cheaper)");
  }

  private BreakEven none(Workload workload, long limit) {
    String reach;
    if (workload.peakRequestsPerSecond() != null && limit < Workload.MAX_REQUESTS_PER_MONTH) {
      reach =
          " at every volume a fleet sized for "
              + workload.peakRequestsPerSecond().toPlainString()
              + " requests per second can serve (up to "
              + limit
              + " requests per month, the peak rate all month long)";
    } else {
      reach = " at every volume up to " + limit + " requests per month, the largest priced";
    }
    return new BreakEven(
        null,
        cheapestAlwaysOn(workload).model,
        "none: serverless stays cheaper than every always-on model" + reach);
  }

  /** The lowest monthly price of one vCPU on any always-on model, among sizes that fit. */
  private BigDecimal cheapestVcpuMonth(Workload workload) {
    BigDecimal neededGib = gib(workload.memoryMb());
    List<BigDecimal> perVcpu = new ArrayList<>();
    for (InstancePrices machines : List.of(prices.bareMetal(), prices.virtualMachine())) {
      for (InstanceType type : machines.instances()) {
        if (type.memoryGib().compareTo(neededGib) >= 0) {
          perVcpu.add(type.hourly().divide(BigDecimal.valueOf(type.vcpu()), MATH));
        }
      }
    }
    for (TaskSize size : prices.container().taskSizes()) {
      smallestMemoryGb(size, neededGib)
          .ifPresent(gb -> perVcpu.add(taskHourUsd(size, gb).divide(size.vcpu(), MATH)));
    }
    return perVcpu.stream()
        .min(Comparator.naturalOrder())
        .orElseThrow()
        .multiply(prices.hoursPerMonth());
  }

  private static BreakEven found(long volume, InfrastructureModel model) {
    return new BreakEven(
        volume,
        model,
        "below "
            + volume
            + " requests per month serverless is the cheaper choice; "
            + volume
            + " is the lowest volume at which "
            + model
            + " costs no more than serverless");
  }

  /** Smallest volume in (low, high] whose always-on cost exceeds {@code level}. */
  private long firstVolumeAbove(Workload workload, long low, long high, BigDecimal level) {
    while (high - low > 1) {
      long mid = low + (high - low) / 2;
      if (cheapestAlwaysOn(workload.withRequestsPerMonth(mid)).exactUsd.compareTo(level) > 0) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }

  private Priced cheapestAlwaysOn(Workload workload) {
    return alwaysOn(workload, demand(workload)).stream()
        .min(Comparator.comparing(Priced::exactUsd))
        .orElseThrow();
  }

  /** Every model, in {@link InfrastructureModel} order: the cheapest is the first of equals. */
  private List<Priced> priced(Workload workload, Demand demand) {
    List<Priced> priced = new ArrayList<>(alwaysOn(workload, demand));
    priced.add(serverless(workload, demand));
    return priced;
  }

  private List<Priced> alwaysOn(Workload workload, Demand demand) {
    return List.of(
        bareMetal(workload, demand), virtualMachine(workload, demand), container(workload, demand));
  }

  private BigDecimal serverlessCostPerRequest(Workload workload) {
    return prices
        .serverless()
        .perMillionRequests()
        .divide(MILLION, MATH)
        .add(gbSecondsPerRequest(workload).multiply(prices.serverless().perGbSecond(), MATH));
  }

  /** Lambda bills whole milliseconds at the configured memory. */
  private static BigDecimal gbSecondsPerRequest(Workload workload) {
    BigDecimal billedMs = workload.avgDurationMs().setScale(0, RoundingMode.CEILING);
    return billedMs
        .divide(THOUSAND, MATH)
        .multiply(BigDecimal.valueOf(workload.memoryMb()).divide(MB_PER_GB, MATH), MATH);
  }

  private Demand demand(Workload workload) {
    BigDecimal secondsPerMonth = secondsPerMonth();
    BigDecimal peak =
        workload.peakRequestsPerSecond() != null
            ? workload.peakRequestsPerSecond()
            : BigDecimal.valueOf(workload.requestsPerMonth())
                .divide(secondsPerMonth, MATH)
                .multiply(Workload.PEAK_FACTOR, MATH);
    BigDecimal concurrency = peak.multiply(workload.avgDurationMs(), MATH).divide(THOUSAND, MATH);
    BigDecimal vcpus =
        concurrency.multiply(vcpuPerRequest(workload), MATH).divide(TARGET_UTILISATION, MATH);
    return new Demand(peak, concurrency, vcpus);
  }

  private Priced bareMetal(Workload workload, Demand demand) {
    return machines(
        BARE_METAL, prices.bareMetal(), "server", MIN_BARE_METAL_SERVERS, workload, demand);
  }

  private Priced virtualMachine(Workload workload, Demand demand) {
    return machines(
        VIRTUAL_MACHINE, prices.virtualMachine(), "instance", MIN_VM_INSTANCES, workload, demand);
  }

  private Priced machines(
      InfrastructureModel model,
      InstancePrices catalogue,
      String unit,
      int minimum,
      Workload workload,
      Demand demand) {
    BigDecimal neededGib = gib(workload.memoryMb());
    Priced best = null;
    for (InstanceType type : catalogue.instances()) {
      if (type.memoryGib().compareTo(neededGib) < 0) {
        continue;
      }
      long count =
          Math.max(minimum, ceil(demand.vcpus.divide(BigDecimal.valueOf(type.vcpu()), MATH)));
      BigDecimal usd =
          type.hourly().multiply(BigDecimal.valueOf(count)).multiply(prices.hoursPerMonth(), MATH);
      if (best == null || usd.compareTo(best.exactUsd) < 0) {
        Capacity capacity =
            new Capacity(
                unit,
                BigDecimal.valueOf(count),
                type.name(),
                count
                    + " × "
                    + type.name()
                    + " ("
                    + type.vcpu()
                    + " vCPU, "
                    + type.memoryGib().stripTrailingZeros().toPlainString()
                    + " GiB), on demand, "
                    + prices.hoursPerMonth().toPlainString()
                    + " h/month");
        best =
            new Priced(
                model,
                usd,
                capacity,
                alwaysOnAssumptions(
                    catalogue.service(), catalogue.source(), unit, minimum, workload, demand));
      }
    }
    return Objects.requireNonNull(best, "catalogue validation guarantees a machine that fits");
  }

  private Priced container(Workload workload, Demand demand) {
    var fargate = prices.container();
    BigDecimal neededGb = gib(workload.memoryMb());
    Priced best = null;
    for (TaskSize size : fargate.taskSizes()) {
      BigDecimal memory = smallestMemoryGb(size, neededGb).orElse(null);
      if (memory == null) {
        continue;
      }
      long tasks = Math.max(MIN_CONTAINER_TASKS, ceil(demand.vcpus.divide(size.vcpu(), MATH)));
      BigDecimal usd =
          taskHourUsd(size, memory)
              .multiply(BigDecimal.valueOf(tasks))
              .multiply(prices.hoursPerMonth(), MATH);
      if (best == null || usd.compareTo(best.exactUsd) < 0) {
        String taskSize =
            size.vcpu().stripTrailingZeros().toPlainString()
                + " vCPU / "
                + memory.stripTrailingZeros().toPlainString()
                + " GB";
        best =
            new Priced(
                CONTAINER,
                usd,
                new Capacity(
                    "task",
                    BigDecimal.valueOf(tasks),
                    taskSize,
                    tasks + " × " + taskSize + " tasks, running all month"),
                alwaysOnAssumptions(
                    fargate.service(),
                    fargate.source(),
                    "task",
                    MIN_CONTAINER_TASKS,
                    workload,
                    demand));
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

  private BigDecimal taskHourUsd(TaskSize size, BigDecimal memoryGb) {
    var fargate = prices.container();
    return size.vcpu().multiply(fargate.perVcpuHour()).add(memoryGb.multiply(fargate.perGbHour()));
  }

  private Priced serverless(Workload workload, Demand demand) {
    var lambda = prices.serverless();
    BigDecimal requests = BigDecimal.valueOf(workload.requestsPerMonth());
    BigDecimal gbSeconds = gbSecondsPerRequest(workload).multiply(requests, MATH);
    BigDecimal usd =
        requests
            .divide(MILLION, MATH)
            .multiply(lambda.perMillionRequests(), MATH)
            .add(gbSeconds.multiply(lambda.perGbSecond(), MATH));
    List<String> assumptions = new ArrayList<>();
    assumptions.add(priceSource(lambda.service(), lambda.source()));
    assumptions.add("billed per request and per GB-second; duration rounded up to the millisecond");
    assumptions.add("free tier not deducted");
    if (demand.concurrency.compareTo(SERVERLESS_CONCURRENCY_QUOTA) > 0) {
      assumptions.add(
          "peak concurrency "
              + round(demand.concurrency)
              + " exceeds the default quota of "
              + SERVERLESS_CONCURRENCY_QUOTA
              + " concurrent executions: ask for a higher quota");
    }
    return new Priced(
        SERVERLESS,
        usd,
        new Capacity(
            "GB-second",
            gbSeconds.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros(),
            workload.memoryMb() + " MB",
            workload.requestsPerMonth()
                + " requests × "
                + workload.avgDurationMs().setScale(0, RoundingMode.CEILING).toPlainString()
                + " ms × "
                + gib(workload.memoryMb()).stripTrailingZeros().toPlainString()
                + " GB"),
        List.copyOf(assumptions));
  }

  private List<String> alwaysOnAssumptions(
      String service, Source source, String unit, int minimum, Workload workload, Demand demand) {
    return List.of(
        priceSource(service, source),
        "at least " + minimum + " " + unit + (minimum > 1 ? "s for availability" : ""),
        "each " + unit + " needs at least " + workload.memoryMb() + " MB of memory",
        "needs " + round(demand.vcpus) + " vCPU at the peak");
  }

  private String priceSource(String service, Source source) {
    return service + ", " + prices.region() + ", " + source.url() + " as of " + source.asOf();
  }

  private List<String> assumptions(Workload workload) {
    List<String> assumptions = new ArrayList<>();
    assumptions.add(
        "prices: "
            + prices.provider()
            + " "
            + prices.region()
            + ", catalogue "
            + prices.version()
            + ", "
            + prices.currency()
            + ", "
            + prices.hoursPerMonth().toPlainString()
            + " hours per month, list prices without discounts, storage or data transfer");
    if (workload.peakRequestsPerSecond() == null) {
      assumptions.add("peak = " + Workload.PEAK_FACTOR + " × the average rate (no peak given)");
    }
    assumptions.add(
        "each request in flight needs the CPU Lambda would give it: memoryMb / "
            + MB_PER_VCPU
            + " of a vCPU, for avgDurationMs");
    assumptions.add(
        "always-on capacity is sized so the peak uses at most "
            + TARGET_UTILISATION.movePointRight(2).stripTrailingZeros().toPlainString()
            + "% of it");
    return List.copyOf(assumptions);
  }

  private static BigDecimal vcpuPerRequest(Workload workload) {
    return BigDecimal.valueOf(workload.memoryMb()).divide(MB_PER_VCPU, MATH);
  }

  private BigDecimal secondsPerMonth() {
    return prices.hoursPerMonth().multiply(SECONDS_PER_HOUR);
  }

  /**
   * The most requests a month the workload can have: with a fixed peak, running at that peak all
   * month; otherwise the input limit.
   */
  private long volumeLimit(Workload workload) {
    if (workload.peakRequestsPerSecond() == null) {
      return Workload.MAX_REQUESTS_PER_MONTH;
    }
    long atPeakAllMonth =
        workload
            .peakRequestsPerSecond()
            .multiply(secondsPerMonth())
            .setScale(0, RoundingMode.FLOOR)
            .longValue();
    return Math.min(atPeakAllMonth, Workload.MAX_REQUESTS_PER_MONTH);
  }

  private static BigDecimal gib(int memoryMb) {
    return BigDecimal.valueOf(memoryMb).divide(MB_PER_GB, MATH);
  }

  private static long ceil(BigDecimal value) {
    return value.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  private static String round(BigDecimal value) {
    return value.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  private record Demand(BigDecimal peakRps, BigDecimal concurrency, BigDecimal vcpus) {}

  private record Priced(
      InfrastructureModel model, BigDecimal exactUsd, Capacity capacity, List<String> assumptions) {
    ModelCost rounded() {
      return new ModelCost(
          model, exactUsd.setScale(2, RoundingMode.HALF_UP), capacity, assumptions);
    }
  }
}
