package com.example.inframodels.comparison;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the container rows ask of a container they just started: a loopback port to publish, and the
 * moment of its first 200 on {@code GET /runtime} while the engine says it still runs.
 */
final class ContainerProbe {

  /** How often, while polling, the container is asked whether it still runs (a CLI call). */
  static final Duration LIVENESS_EVERY = Duration.ofSeconds(5);

  private ContainerProbe() {}

  /** A free loopback port to publish the container's on. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static URI base(int port) {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /**
   * {@link ServiceProbe#firstOk} with the engine asked only every {@link #LIVENESS_EVERY} whether
   * the container still runs (each question is a command of its own).
   *
   * @param stillRunning false ends the wait at once
   * @param context what a failure message adds (the container's log), read only on failure
   */
  static long firstOk(URI base, Duration deadline, Check stillRunning, Supplier<String> context)
      throws Exception {
    long[] nextLivenessAt = {System.nanoTime() + LIVENESS_EVERY.toNanos()};
    Runnable alive =
        () -> {
          if (System.nanoTime() < nextLivenessAt[0]) {
            return;
          }
          try {
            if (!stillRunning.holds()) {
              throw new IllegalStateException("the container exited");
            }
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException("asking the engine failed: " + e, e);
          }
          nextLivenessAt[0] = System.nanoTime() + LIVENESS_EVERY.toNanos();
        };
    return ServiceProbe.firstOk(base, deadline, alive, context);
  }

  /** A question put to the engine while polling. */
  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }
}
