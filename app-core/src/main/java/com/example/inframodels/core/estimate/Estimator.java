package com.example.inframodels.core.estimate;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.estimate.Sizing.Demand;
import com.example.inframodels.core.estimate.Sizing.Sized;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * Prices a workload on each model from a {@link PriceCatalogue}.
 *
 * <p>Always-on models (bare metal, VM, container) are sized for the peak: requests in flight at the
 * peak follow from Little's law (peak rate × duration); each needs the share of a vCPU Lambda would
 * give it ({@link #MB_PER_VCPU}); machines run at most {@link #TARGET_UTILISATION} so that a burst
 * or a lost machine does not overload the rest. VMs and containers keep at least two copies for
 * availability; a bare-metal server is one machine. Serverless is billed per request and per
 * GB-second actually used.
 *
 * <p>Composes three parts, each readable alone: {@code Sizing} (the arithmetic: capacity and
 * monthly cost per model), {@code BreakEvenSearch} (where serverless stops being cheaper) and
 * {@code EstimateWording} (the sentences of the answer).
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

  private final PriceCatalogue prices;
  private final Sizing sizing;
  private final EstimateWording wording;
  private final BreakEvenSearch breakEvens;

  public Estimator(PriceCatalogue prices) {
    this.prices = Objects.requireNonNull(prices, "prices");
    this.sizing = new Sizing(prices);
    this.wording = new EstimateWording(prices);
    this.breakEvens = new BreakEvenSearch(sizing, wording);
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
    Demand demand = sizing.demand(workload);
    List<Sized> sized = sizing.all(workload, demand);
    return new Estimate(
        workload,
        EstimateWording.figure(demand.peakRps()),
        EstimateWording.figure(demand.concurrency()),
        sized.stream().map(option -> wording.option(option, workload, demand)).toList(),
        Sizing.cheapest(sized).model(),
        breakEvens.find(workload),
        prices.version(),
        wording.assumptions(workload));
  }

  /**
   * Rules that depend on the prices' month: a given peak must be at least the average rate. Either
   * argument may be {@code null} (absent), which breaks no rule here.
   */
  public List<FieldViolation> violations(Long requestsPerMonth, BigDecimal peakRequestsPerSecond) {
    if (requestsPerMonth == null || peakRequestsPerSecond == null) {
      return List.of();
    }
    BigDecimal average = sizing.averageRate(requestsPerMonth);
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
    return sizing.all(workload, sizing.demand(workload)).stream()
        .filter(sized -> sized.model() == model)
        .findFirst()
        .orElseThrow()
        .exactUsd();
  }
}
