package com.example.inframodels.vm;

import java.time.Duration;

/**
 * How long a wait may take, scaled from what this run measured on this machine: a machine twice as
 * slow gets twice the time, and a hang is still caught. The floor keeps a fast step from getting a
 * bound too tight for the jitter of a shared machine; the ceiling is only a safety net.
 */
public record Bound(Duration limit, String reason) {

  public static Bound scaled(
      String measuredStep, Duration measured, int factor, Duration floor, Duration ceiling) {
    Duration scaled = measured.multipliedBy(factor);
    Duration limit = scaled.compareTo(floor) < 0 ? floor : scaled;
    limit = limit.compareTo(ceiling) > 0 ? ceiling : limit;
    return new Bound(
        limit,
        String.format(
            "%d s: %d × the %d s %s took in this run (at least %d s, at most %d s)",
            limit.toSeconds(),
            factor,
            measured.toSeconds(),
            measuredStep,
            floor.toSeconds(),
            ceiling.toSeconds()));
  }

  /** What is left of this bound once {@code spent} of it has gone by (a second at least). */
  public Bound minus(Duration spent) {
    Duration left = limit.minus(spent);
    return new Bound(
        left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left, reason);
  }
}
