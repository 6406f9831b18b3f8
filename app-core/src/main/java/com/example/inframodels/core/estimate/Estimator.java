package com.example.inframodels.core.estimate;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.estimate.Sizing.Demand;
import com.example.inframodels.core.estimate.Sizing.Sized;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices a workload on each model from a {@link PriceCatalogue}, and owns the one workload rule
 * that needs the prices: a given peak must be at least the average rate over the catalogue's month
 * ({@link #violations}).
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
   * Prices the workload. Refuses exactly what {@link #violations} reports, so a caller that checked
   * the fields first is never refused here.
   *
   * @throws InvalidWorkloadException when a given peak is below the workload's own average rate
   */
  public Estimate estimate(Workload workload) {
    List<FieldViolation> violations = violations(WorkloadFields.of(workload));
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
   * Every rule a workload with these fields would break: the workload's own ({@link
   * Workload#violations}), then the peak against the average rate of these prices' month. The peak
   * is compared only when it and the volume pass their own rules: an average from an impossible
   * volume would only repeat that mistake. A {@code null} argument is an absent field.
   */
  public List<FieldViolation> violations(
      Long requestsPerMonth,
      BigDecimal avgDurationMs,
      Integer memoryMb,
      BigDecimal peakRequestsPerSecond) {
    return violations(
        new WorkloadFields(
            requestsPerMonth, avgDurationMs, memoryMb, peakRequestsPerSecond, null, null));
  }

  /**
   * As {@link #violations(Long, BigDecimal, Integer, BigDecimal)}, and the choices these prices
   * must offer: the architecture, and for bare metal on dedicated servers, servers of that
   * architecture. A {@code null} choice is the default ({@link Architecture#X86_64}, {@link
   * BareMetalOffer#CLOUD}), which every catalogue prices.
   */
  public List<FieldViolation> violations(WorkloadFields fields) {
    Long requestsPerMonth = fields.requestsPerMonth();
    BigDecimal peakRequestsPerSecond = fields.peakRequestsPerSecond();
    Architecture architecture = fields.architecture();
    BareMetalOffer bareMetal = fields.bareMetal();
    List<FieldViolation> found =
        new ArrayList<>(
            Workload.violations(
                requestsPerMonth,
                fields.avgDurationMs(),
                fields.memoryMb(),
                peakRequestsPerSecond));
    List<String> broken = found.stream().map(FieldViolation::field).toList();
    if (requestsPerMonth != null
        && peakRequestsPerSecond != null
        && !broken.contains("requestsPerMonth")
        && !broken.contains("peakRequestsPerSecond")) {
      peakBelowAverage(requestsPerMonth, peakRequestsPerSecond).ifPresent(found::add);
    }
    Architecture on = architecture == null ? Architecture.X86_64 : architecture;
    if (!prices.prices(on)) {
      found.add(
          new FieldViolation(
              "architecture",
              "must be x86_64: price catalogue " + prices.version() + " prices no other"));
    } else if (bareMetal == BareMetalOffer.DEDICATED) {
      var dedicated = prices.bareMetal(BareMetalOffer.DEDICATED);
      if (dedicated.isEmpty()) {
        found.add(
            new FieldViolation(
                "bareMetal",
                "must be cloud: price catalogue "
                    + prices.version()
                    + " has no dedicated servers"));
      } else if (dedicated.get().on(on).isEmpty()) {
        found.add(
            new FieldViolation(
                "bareMetal",
                "must be cloud on "
                    + on
                    + ": price catalogue "
                    + prices.version()
                    + " has no "
                    + on
                    + " dedicated servers"));
      }
    }
    return List.copyOf(found);
  }

  private Optional<FieldViolation> peakBelowAverage(long requestsPerMonth, BigDecimal peak) {
    BigDecimal average = sizing.averageRate(requestsPerMonth);
    if (peak.compareTo(average) >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldViolation(
            "peakRequestsPerSecond",
            "must be at least the average rate, "
                + average.round(new MathContext(6)).toPlainString()
                + " requests per second (requestsPerMonth over a "
                + prices.hoursPerMonth().toPlainString()
                + "-hour month)"));
  }

  /**
   * The workload's cost on every model at up to {@code points} volumes from {@code from} to {@code
   * to} requests a month (see {@link Sweep#volumes}); its own {@code requestsPerMonth} is not used.
   * Refuses what {@link #sweepViolations} reports.
   *
   * @throws InvalidWorkloadException when the range, the number of points or the workload at the
   *     top of the range is refused
   */
  public Sweep sweep(Workload workload, long from, long to, int points) {
    List<FieldViolation> violations =
        sweepViolations(from, to, (long) points, WorkloadFields.of(workload));
    if (!violations.isEmpty()) {
      throw new InvalidWorkloadException(violations);
    }
    List<Long> volumes = Sweep.volumes(from, to, points);
    List<List<BigDecimal>> costs = new ArrayList<>();
    for (InfrastructureModel ignored : InfrastructureModel.values()) {
      costs.add(new ArrayList<>(volumes.size()));
    }
    for (long volume : volumes) {
      Workload at = workload.withRequestsPerMonth(volume);
      List<Sized> sized = sizing.all(at, sizing.demand(at));
      for (Sized option : sized) {
        costs.get(option.model().ordinal()).add(EstimateWording.cents(option.exactUsd()));
      }
    }
    List<Sweep.Series> series = new ArrayList<>();
    for (InfrastructureModel model : InfrastructureModel.values()) {
      series.add(new Sweep.Series(model, costs.get(model.ordinal())));
    }
    return new Sweep(volumes, series, prices.version());
  }

  /**
   * Every rule a sweep with these fields would break: {@code from} at least 1 (the scale is
   * logarithmic) and below {@code to}, between 2 and {@link Sweep#MAX_POINTS} points, and the
   * workload's own rules at both ends of the range, named after the end that breaks them. A given
   * peak must hold at the top of the range, the highest average rate. A {@code null} argument is an
   * absent field; {@code workload}'s own {@code requestsPerMonth} is not used.
   */
  public List<FieldViolation> sweepViolations(
      Long from, Long to, Long points, WorkloadFields workload) {
    List<FieldViolation> found = new ArrayList<>();
    for (FieldViolation v : violations(workload.withRequestsPerMonth(to))) {
      found.add(
          v.field().equals("requestsPerMonth")
              ? new FieldViolation("toRequestsPerMonth", v.detail())
              : v);
    }
    if (from == null) {
      found.add(new FieldViolation("fromRequestsPerMonth", "is required"));
    } else if (from < 1 || from > Workload.MAX_REQUESTS_PER_MONTH) {
      found.add(
          new FieldViolation(
              "fromRequestsPerMonth",
              "must be between 1 and "
                  + Workload.MAX_REQUESTS_PER_MONTH
                  + " (the volume axis is logarithmic)"));
    } else if (to != null && to <= Workload.MAX_REQUESTS_PER_MONTH && from >= to) {
      found.add(
          new FieldViolation("toRequestsPerMonth", "must be greater than fromRequestsPerMonth"));
    }
    if (points == null) {
      found.add(new FieldViolation("points", "is required"));
    } else if (points < 2 || points > Sweep.MAX_POINTS) {
      found.add(new FieldViolation("points", "must be between 2 and " + Sweep.MAX_POINTS));
    }
    return List.copyOf(found);
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
