package com.example.inframodels.comparison;

import java.time.Duration;

/**
 * One step of the run: a name the progress line shows, how long it is expected to take on a 2-core
 * machine (only used to estimate what remains), and what it does.
 */
public record Step(String name, Duration expected, Action action) {

  /** A step's work: records figures and skips on the recorder, and reports its own progress. */
  @FunctionalInterface
  public interface Action {
    void run(Recorder recorder) throws Exception;
  }
}
