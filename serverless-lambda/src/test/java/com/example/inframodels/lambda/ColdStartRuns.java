package com.example.inframodels.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The cold starts of one function under one JVM set-up in one round, answered or not. Only the runs
 * that answered count: the median is theirs, and a run that ended in a function error, an init
 * error or no answer at all is listed apart with what went wrong, never averaged in. A start that
 * failed says nothing about how fast the function starts.
 */
final class ColdStartRuns {

  /** One cold start: its duration, and what went wrong, {@code null} when it answered. */
  record Run(long millis, String failure) {
    boolean answered() {
      return failure == null;
    }
  }

  private final List<Run> runs = new ArrayList<>();

  void answered(long millis) {
    runs.add(new Run(millis, null));
  }

  void failed(long millis, String why) {
    runs.add(new Run(millis, why));
  }

  List<Long> answeredMillis() {
    return runs.stream().filter(Run::answered).map(Run::millis).toList();
  }

  List<Run> failures() {
    return runs.stream().filter(run -> !run.answered()).toList();
  }

  /** The median of the answered runs; empty when none answered. */
  OptionalLong median() {
    List<Long> answered = answeredMillis();
    return answered.isEmpty() ? OptionalLong.empty() : OptionalLong.of(median(answered));
  }

  /**
   * The middle run; of an even number of runs, the upper of the middle two: always a run that
   * happened. The bench scripts of baremetal-systemd and container-jib pick it the same way.
   */
  static long median(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /**
   * The answered runs in the order they ran, their median ({@code -} when none answered), and the
   * failed runs with what went wrong ({@code none} when there were none), tab-separated.
   */
  String columns() {
    OptionalLong median = median();
    List<String> failed =
        failures().stream().map(run -> run.millis() + " ms: " + run.failure()).toList();
    return answeredMillis()
        + "\t"
        + (median.isPresent() ? String.valueOf(median.getAsLong()) : "-")
        + "\t"
        + (failed.isEmpty() ? "none" : failed.size() + " " + failed);
  }
}
