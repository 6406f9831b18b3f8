package com.example.inframodels.core.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits for a condition with a deadline, and says what it last saw when the deadline passes. */
public final class Poll {
  private Poll() {}

  /**
   * Calls {@code probe} every {@code interval} until {@code done} accepts its result.
   *
   * @param what what is awaited, for the failure message
   * @return the accepted result
   * @throws AssertionError after {@code timeout}, with the last result or exception seen
   */
  public static <T> T until(
      String what, Duration timeout, Duration interval, Callable<T> probe, Predicate<T> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Object lastSeen = "nothing yet";
    while (true) {
      try {
        T value = probe.call();
        if (done.test(value)) {
          return value;
        }
        lastSeen = value;
      } catch (Exception e) {
        lastSeen = e;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting for " + what + "; last seen: " + lastSeen);
      }
      Thread.sleep(interval.toMillis());
    }
  }
}
