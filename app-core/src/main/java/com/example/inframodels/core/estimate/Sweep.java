package com.example.inframodels.core.estimate;

import com.example.inframodels.core.InfrastructureModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload's monthly cost on every model across a range of monthly volumes: the curve a chart of
 * cost against volume draws, each point priced exactly as an estimate of that volume would be.
 *
 * @param requestsPerMonth the volumes, strictly increasing, spaced evenly on a logarithmic scale
 * @param series one per model, in {@link InfrastructureModel} order, each with one cost per volume
 * @param priceCatalogue version of the prices used
 */
public record Sweep(List<Long> requestsPerMonth, List<Series> series, String priceCatalogue) {

  /** Most points one sweep may ask for: enough for a smooth curve, cheap to compute and send. */
  public static final int MAX_POINTS = 100;

  public Sweep {
    requestsPerMonth = List.copyOf(requestsPerMonth);
    series = List.copyOf(series);
  }

  /**
   * One model's costs.
   *
   * @param monthlyUsd rounded to the cent, one per volume of the sweep
   */
  public record Series(InfrastructureModel model, List<BigDecimal> monthlyUsd) {
    public Series {
      monthlyUsd = List.copyOf(monthlyUsd);
    }
  }

  /**
   * Up to {@code points} whole volumes from {@code from} to {@code to}, both included, evenly
   * spaced on a logarithmic scale (costs span orders of magnitude of volume). Where two would round
   * to the same whole number (a narrow range) it appears once, so there may be fewer.
   */
  static List<Long> volumes(long from, long to, int points) {
    if (from < 1 || to <= from || points < 2) {
      throw new IllegalArgumentException(
          "a sweep needs 1 <= from < to and at least 2 points: "
              + from
              + ", "
              + to
              + ", "
              + points);
    }
    double ratio = Math.log((double) to / from) / (points - 1);
    List<Long> volumes = new ArrayList<>(points);
    for (int i = 0; i < points; i++) {
      long volume = i == points - 1 ? to : Math.round(from * Math.exp(ratio * i));
      volume = Math.min(Math.max(volume, from), to);
      if (volumes.isEmpty() || volume > volumes.get(volumes.size() - 1)) {
        volumes.add(volume);
      }
    }
    return volumes;
  }
}
