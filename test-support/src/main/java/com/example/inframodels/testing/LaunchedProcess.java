package com.example.inframodels.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program started in the background with its output in a log file, stopped politely on {@link
 * #close()}: a fat JAR serving HTTP, a Lambda runtime client polling for events. Unlike {@link
 * ExternalCommand}, it is not awaited; the test talks to it while it runs.
 */
public final class LaunchedProcess implements AutoCloseable {

  private final Process process;
  private final Instant launchedAt;
  private final Path log;
  private final Duration stopTimeout;

  private LaunchedProcess(Process process, Instant launchedAt, Path log, Duration stopTimeout) {
    this.process = process;
    this.launchedAt = launchedAt;
    this.log = log;
    this.stopTimeout = stopTimeout;
  }

  /**
   * Starts {@code command} with stdout and stderr in {@code log}.
   *
   * @param environment set in the child's environment; a {@code null} value removes the variable
   * @param stopTimeout how long {@link #close()} waits after SIGTERM before it kills
   */
  public static LaunchedProcess start(
      List<String> command, Map<String, String> environment, Path log, Duration stopTimeout)
      throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    environment.forEach(
        (name, value) -> {
          if (value == null) {
            builder.environment().remove(name);
          } else {
            builder.environment().put(name, value);
          }
        });
    Instant launchedAt = Instant.now();
    return new LaunchedProcess(builder.start(), launchedAt, log, stopTimeout);
  }

  /** The {@code java} of the JVM running the tests: the one the build chose. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public Process process() {
    return process;
  }

  public long pid() {
    return process.pid();
  }

  public Instant launchedAt() {
    return launchedAt;
  }

  /** What the program printed so far, for assertion messages. */
  public String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Fails with the log when the program has exited: for probes that wait on it. */
  public void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("process exited with " + process.exitValue());
    }
  }

  /** SIGTERM, then SIGKILL if it is still running after the stop timeout. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
