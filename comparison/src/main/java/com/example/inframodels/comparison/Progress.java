package com.example.inframodels.comparison;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Progress lines while the run goes on: which step, how far, and an estimate of what remains — the
 * expected durations of the steps left, scaled by how the finished ones compared to theirs.
 */
final class Progress {

  private final PrintStream out;
  private final List<Step> steps;
  private final long startNanos;
  private long finishedNanos;
  private long currentStartNanos;
  private Duration expectedDone = Duration.ZERO;
  private int current = -1;

  Progress(PrintStream out, List<Step> steps) {
    this(out, steps, System.nanoTime());
  }

  Progress(PrintStream out, List<Step> steps, long startNanos) {
    this.out = out;
    this.steps = steps;
    this.startNanos = startNanos;
    this.finishedNanos = startNanos;
  }

  void starting(int index, long nowNanos) {
    current = index;
    currentStartNanos = nowNanos;
    line(steps.get(index).name(), nowNanos);
  }

  void detail(String detail, long nowNanos) {
    line(steps.get(current).name() + ": " + detail, nowNanos);
  }

  void finished(int index, long nowNanos) {
    expectedDone = expectedDone.plus(steps.get(index).expected());
    finishedNanos = nowNanos;
  }

  /**
   * What remains at {@code nowNanos}: the steps not started and what is left of the current one, at
   * the pace of the steps finished so far (actual over expected, held between 0.5 and 3 so that one
   * odd step does not swing the estimate).
   */
  Duration remaining(long nowNanos) {
    double pace =
        expectedDone.isZero()
            ? 1.0
            : (double) (finishedNanos - startNanos) / expectedDone.toNanos();
    pace = Math.max(0.5, Math.min(pace, 3.0));
    long left = 0;
    for (int i = Math.max(current, 0); i < steps.size(); i++) {
      left += (long) (steps.get(i).expected().toNanos() * pace);
    }
    if (current >= 0) {
      long spent = nowNanos - currentStartNanos;
      long currentExpected = (long) (steps.get(current).expected().toNanos() * pace);
      left -= Math.min(spent, currentExpected);
    }
    return Duration.ofNanos(left);
  }

  private void line(String text, long nowNanos) {
    out.printf(
        "[comparison %d/%d · %s elapsed · about %s left] %s%n",
        current + 1,
        steps.size(),
        minutes(Duration.ofNanos(nowNanos - startNanos)),
        minutes(remaining(nowNanos)),
        text);
    out.flush();
  }

  static String minutes(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 60 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
  }
}
