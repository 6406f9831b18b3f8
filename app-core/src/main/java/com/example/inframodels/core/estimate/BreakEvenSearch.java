package com.example.inframodels.core.estimate;

import static com.example.inframodels.core.estimate.Sizing.MATH;

import com.example.inframodels.core.estimate.Sizing.Sized;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Finds the lowest monthly volume at which serverless costs at least as much as the cheapest
 * always-on model. Serverless cost grows in proportion to volume; always-on cost is a step function
 * that only rises with volume. Walking the steps from zero finds the first crossing exactly.
 * (Further up, a new step can make serverless the cheaper one again; the estimate for that volume
 * says so.)
 */
final class BreakEvenSearch {

  /** Bound on the search: one step per change of always-on capacity. */
  static final int MAX_STEPS = 10_000;

  private final Sizing sizing;
  private final EstimateWording wording;

  BreakEvenSearch(Sizing sizing, EstimateWording wording) {
    this.sizing = sizing;
    this.wording = wording;
  }

  BreakEven find(Workload workload) {
    BigDecimal perRequest = sizing.serverlessCostPerRequest(workload);
    if (workload.peakRequestsPerSecond() == null) {
      // Always-on capacity needs at least this much per request, at any volume: if serverless
      // costs less per request, it stays cheaper everywhere and there is nothing to search.
      BigDecimal alwaysOnFloor =
          sizing
              .demand(workload.withRequestsPerMonth(1))
              .vcpus()
              .multiply(sizing.cheapestVcpuMonth(workload), MATH);
      if (perRequest.compareTo(alwaysOnFloor) < 0) {
        return wording.cheaperPerRequest(
            sizing.cheapestAlwaysOn(workload).model(), alwaysOnFloor, perRequest);
      }
    }
    long limit = volumeLimit(workload);
    long volume = 0;
    for (int step = 0; step < MAX_STEPS; step++) {
      Sized alwaysOn = sizing.cheapestAlwaysOn(workload.withRequestsPerMonth(volume));
      BigDecimal crossingExact = alwaysOn.exactUsd().divide(perRequest, MATH);
      if (crossingExact.compareTo(BigDecimal.valueOf(limit)) > 0) {
        return wording.cheaperUpTo(sizing.cheapestAlwaysOn(workload).model(), workload, limit);
      }
      long crossing = crossingExact.setScale(0, RoundingMode.CEILING).longValue();
      if (crossing <= volume) {
        return wording.found(volume, alwaysOn.model());
      }
      Sized atCrossing = sizing.cheapestAlwaysOn(workload.withRequestsPerMonth(crossing));
      if (atCrossing.exactUsd().compareTo(alwaysOn.exactUsd()) == 0) {
        return wording.found(crossing, atCrossing.model());
      }
      volume = firstVolumeAbove(workload, volume, crossing, alwaysOn.exactUsd());
    }
    return wording.unknown(sizing.cheapestAlwaysOn(workload).model(), MAX_STEPS, volume);
  }

  /** Smallest volume in (low, high] whose always-on cost exceeds {@code level}. */
  private long firstVolumeAbove(Workload workload, long low, long high, BigDecimal level) {
    while (high - low > 1) {
      long mid = low + (high - low) / 2;
      if (sizing.cheapestAlwaysOn(workload.withRequestsPerMonth(mid)).exactUsd().compareTo(level)
          > 0) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
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
            .multiply(sizing.secondsPerMonth())
            .setScale(0, RoundingMode.FLOOR)
            .longValue();
    return Math.min(atPeakAllMonth, Workload.MAX_REQUESTS_PER_MONTH);
  }
}
