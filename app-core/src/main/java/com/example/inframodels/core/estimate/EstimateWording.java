package com.example.inframodels.core.estimate;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.estimate.PriceCatalogue.InstanceType;
import com.example.inframodels.core.estimate.PriceCatalogue.Source;
import com.example.inframodels.core.estimate.Sizing.Demand;
import com.example.inframodels.core.estimate.Sizing.Invocations;
import com.example.inframodels.core.estimate.Sizing.Machines;
import com.example.inframodels.core.estimate.Sizing.Sized;
import com.example.inframodels.core.estimate.Sizing.Tasks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The words of an estimate: each model's capacity and assumptions, the assumptions every figure
 * rests on, and the break-even explanations; and the figures rounded as the answer reports them.
 * Decides nothing: {@link Sizing} and {@link BreakEvenSearch} have.
 */
final class EstimateWording {

  /** Lambda's default per-region concurrency quota. */
  static final BigDecimal SERVERLESS_CONCURRENCY_QUOTA = BigDecimal.valueOf(1000);

  private final PriceCatalogue prices;

  EstimateWording(PriceCatalogue prices) {
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  /** One model's line of the answer: its cost to the cent, what it buys and why. */
  ModelCost option(Sized sized, Workload workload, Demand demand) {
    BigDecimal cents = cents(sized.exactUsd());
    if (sized instanceof Machines machines) {
      return new ModelCost(
          machines.model(),
          cents,
          capacity(machines),
          machineAssumptions(machines, workload, demand));
    }
    if (sized instanceof Tasks tasks) {
      var fargate = prices.container();
      return new ModelCost(
          tasks.model(),
          cents,
          capacity(tasks),
          alwaysOnAssumptions(
              fargate.service(),
              fargate.source(),
              unit(tasks.model()),
              tasks.minimum(),
              workload,
              demand));
    }
    Invocations invocations = (Invocations) sized;
    return new ModelCost(
        invocations.model(),
        cents,
        capacity(invocations, workload),
        serverlessAssumptions(workload, demand));
  }

  /** A monthly cost as every answer states it: to the cent, half up. */
  static BigDecimal cents(BigDecimal exactUsd) {
    return exactUsd.setScale(2, RoundingMode.HALF_UP);
  }

  /** A peak or a concurrency as the answer reports it. */
  static BigDecimal figure(BigDecimal value) {
    return value.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  /** What every figure of the estimate rests on. */
  List<String> assumptions(Workload workload) {
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
    assumptions.add(
        "architecture: "
            + workload.architecture()
            + "; bare metal priced on "
            + (workload.bareMetal() == BareMetalOffer.CLOUD
                ? "the cloud's bare-metal instances"
                : "rented dedicated servers"));
    if (workload.peakRequestsPerSecond() == null) {
      assumptions.add("peak = " + Workload.PEAK_FACTOR + " × the average rate (no peak given)");
    }
    assumptions.add(
        "each request in flight needs the CPU Lambda would give it: memoryMb / "
            + Estimator.MB_PER_VCPU
            + " of a vCPU, for avgDurationMs");
    assumptions.add(
        "always-on capacity is sized so the peak uses at most "
            + percent(Estimator.TARGET_UTILISATION)
            + " of it");
    return List.copyOf(assumptions);
  }

  BreakEven found(long volume, InfrastructureModel model) {
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

  /** Serverless is cheaper per request than always-on capacity can ever be. */
  BreakEven cheaperPerRequest(
      InfrastructureModel alwaysOn, BigDecimal alwaysOnFloor, BigDecimal perRequest) {
    return new BreakEven(
        null,
        alwaysOn,
        "none: serverless stays cheaper at every volume. With the peak derived from the"
            + " volume, always-on capacity costs at least $"
            + alwaysOnFloor.round(new MathContext(3)).toPlainString()
            + " per request, serverless $"
            + perRequest.round(new MathContext(3)).toPlainString()
            + ". Give peakRequestsPerSecond to price a fleet of fixed size.");
  }

  /** Serverless is cheaper at every volume up to {@code limit}, the most the workload can have. */
  BreakEven cheaperUpTo(InfrastructureModel alwaysOn, Workload workload, long limit) {
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
        null, alwaysOn, "none: serverless stays cheaper than every always-on model" + reach);
  }

  /** The search stopped after {@code steps} changes of capacity, at {@code volume}. */
  BreakEven unknown(InfrastructureModel alwaysOn, int steps, long volume) {
    return new BreakEven(
        null,
        alwaysOn,
        "unknown: no crossing within the first "
            + steps
            + " changes of always-on capacity (up to "
            + volume
            + " requests per month, where serverless is still cheaper)");
  }

  private Capacity capacity(Machines machines) {
    InstanceType type = machines.type();
    String burst =
        type.burstable()
            ? ", burstable: " + percent(type.baselinePerVcpu()) + " of each vCPU sustained"
            : "";
    String billed =
        type.monthly() != null
            ? "rented by the month"
            : "on demand, " + prices.hoursPerMonth().toPlainString() + " h/month";
    return new Capacity(
        unit(machines.model()),
        BigDecimal.valueOf(machines.count()),
        type.name(),
        machines.count()
            + " × "
            + type.name()
            + " ("
            + type.vcpu()
            + " vCPU, "
            + type.memoryGib().stripTrailingZeros().toPlainString()
            + " GiB"
            + burst
            + "), "
            + billed);
  }

  private List<String> machineAssumptions(Machines machines, Workload workload, Demand demand) {
    InstanceType type = machines.type();
    List<String> assumptions =
        new ArrayList<>(
            alwaysOnAssumptions(
                machines.catalogue().service(),
                machines.catalogue().sourceOf(type),
                unit(machines.model()),
                machines.minimum(),
                workload,
                demand));
    if (type.burstable()) {
      assumptions.add(
          "a burstable instance counts at its baseline, "
              + percent(type.baselinePerVcpu())
              + " of each vCPU: the credits it earns below it pay for the bursts, so no surplus"
              + " credits are bought");
    }
    if (type.setupFee() != null && type.setupFee().signum() > 0) {
      assumptions.add(
          "plus a one-time setup fee of $"
              + cents(type.setupFee()).toPlainString()
              + " per server, not in the monthly figure");
    }
    return List.copyOf(assumptions);
  }

  private static Capacity capacity(Tasks tasks) {
    String taskSize =
        tasks.size().vcpu().stripTrailingZeros().toPlainString()
            + " vCPU / "
            + tasks.memoryGb().stripTrailingZeros().toPlainString()
            + " GB";
    return new Capacity(
        unit(tasks.model()),
        BigDecimal.valueOf(tasks.count()),
        taskSize,
        tasks.count() + " × " + taskSize + " tasks, running all month");
  }

  private static Capacity capacity(Invocations invocations, Workload workload) {
    return new Capacity(
        unit(invocations.model()),
        invocations.gbSeconds().setScale(3, RoundingMode.HALF_UP).stripTrailingZeros(),
        workload.memoryMb() + " MB",
        workload.requestsPerMonth()
            + " requests × "
            + Sizing.billedMs(workload).toPlainString()
            + " ms × "
            + PriceCatalogue.gb(workload.memoryMb()).stripTrailingZeros().toPlainString()
            + " GB");
  }

  private List<String> alwaysOnAssumptions(
      String service, Source source, String unit, int minimum, Workload workload, Demand demand) {
    return List.of(
        priceSource(service, workload.architecture(), source),
        "at least " + minimum + " " + unit + (minimum > 1 ? "s for availability" : ""),
        "each " + unit + " needs at least " + workload.memoryMb() + " MB of memory",
        "needs " + round(demand.vcpus()) + " vCPU at the peak");
  }

  private List<String> serverlessAssumptions(Workload workload, Demand demand) {
    var lambda = prices.serverless();
    List<String> assumptions = new ArrayList<>();
    assumptions.add(priceSource(lambda.service(), workload.architecture(), lambda.source()));
    assumptions.add("billed per request and per GB-second; duration rounded up to the millisecond");
    assumptions.add("free tier not deducted");
    if (demand.concurrency().compareTo(SERVERLESS_CONCURRENCY_QUOTA) > 0) {
      assumptions.add(
          "peak concurrency "
              + round(demand.concurrency())
              + " exceeds the default quota of "
              + SERVERLESS_CONCURRENCY_QUOTA
              + " concurrent executions: ask for a higher quota");
    }
    return List.copyOf(assumptions);
  }

  /** Where a model's prices come from: the service on that architecture, and its source. */
  private String priceSource(String service, Architecture architecture, Source source) {
    String note = source.note() == null ? "" : " (" + source.note() + ")";
    return service
        + " on "
        + architecture
        + ", "
        + prices.region()
        + ", "
        + source.url()
        + " as of "
        + source.asOf()
        + note;
  }

  private static String percent(BigDecimal share) {
    return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  private static String unit(InfrastructureModel model) {
    return switch (model) {
      case BARE_METAL -> "server";
      case VIRTUAL_MACHINE -> "instance";
      case CONTAINER -> "task";
      case SERVERLESS -> "GB-second";
    };
  }

  private static String round(BigDecimal value) {
    return value.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
