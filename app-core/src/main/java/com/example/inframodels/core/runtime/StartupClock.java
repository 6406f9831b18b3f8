package com.example.inframodels.core.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers when the process became ready to serve. The packaging calls {@link #markReady()} once
 * its entry point is up; the first call wins.
 */
public final class StartupClock {
  private final AtomicReference<Instant> readyAt = new AtomicReference<>();

  public void markReady(Instant now) {
    readyAt.compareAndSet(null, now);
  }

  public void markReady() {
    markReady(Instant.now());
  }

  /** Time from the JVM's start to ready, once ready. */
  public Optional<Duration> startupTime(Instant jvmStart) {
    return Optional.ofNullable(readyAt.get()).map(ready -> Duration.between(jvmStart, ready));
  }
}
