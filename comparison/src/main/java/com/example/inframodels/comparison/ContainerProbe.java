package com.example.inframodels.comparison;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the container rows ask of a container they just started: the moment of its first 200 on
 * {@code GET /runtime}, and the warm-up after which its memory is read.
 */
final class ContainerProbe {

  static final Duration POLL = Duration.ofMillis(20);

  /** How often, while polling, the container is asked whether it still runs (a CLI call). */
  static final Duration LIVENESS_EVERY = Duration.ofSeconds(5);

  /** The warm-up before memory is read: the brief's 200 contract requests. */
  static final int WARM_UP_REQUESTS = 200;

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
   * Polls {@code GET /runtime} until a 200, and returns {@link System#nanoTime()} of that answer.
   *
   * @param stillRunning asked every {@link #LIVENESS_EVERY}: false ends the wait at once
   * @param context what a failure message adds (the container's log), read only on failure
   */
  static long firstOk(URI base, Duration deadline, Check stillRunning, Supplier<String> context)
      throws Exception {
    HttpRequest runtime =
        HttpRequest.newBuilder(base.resolve("/runtime")).timeout(Duration.ofSeconds(2)).build();
    // A client per wait: no pooled connection to a container that served before.
    HttpClient http = client();
    long start = System.nanoTime();
    long giveUpAt = start + deadline.toNanos();
    long nextLivenessAt = start + LIVENESS_EVERY.toNanos();
    String last = "no answer";
    while (System.nanoTime() < giveUpAt) {
      try {
        HttpResponse<Void> response = http.send(runtime, HttpResponse.BodyHandlers.discarding());
        long answeredAt = System.nanoTime();
        if (response.statusCode() == 200) {
          return answeredAt;
        }
        last = "status " + response.statusCode();
      } catch (IOException e) {
        last = e.toString();
      }
      if (System.nanoTime() > nextLivenessAt) {
        if (!stillRunning.holds()) {
          throw new IllegalStateException(
              "the container exited before a 200 on " + runtime.uri() + "\n" + context.get());
        }
        nextLivenessAt = System.nanoTime() + LIVENESS_EVERY.toNanos();
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(
        "no 200 on "
            + runtime.uri()
            + " within "
            + deadline.toSeconds()
            + " s (last: "
            + last
            + ")\n"
            + context.get());
  }

  /** {@value #WARM_UP_REQUESTS} contract requests, POST /estimate and GET /runtime in turn. */
  static void warmUp(URI base) throws IOException, InterruptedException {
    HttpClient http = client();
    HttpRequest estimate =
        HttpRequest.newBuilder(base.resolve("/estimate"))
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Load.BODY))
            .build();
    HttpRequest runtime =
        HttpRequest.newBuilder(base.resolve("/runtime")).timeout(Duration.ofSeconds(30)).build();
    for (int i = 0; i < WARM_UP_REQUESTS; i++) {
      HttpRequest request = i % 2 == 0 ? estimate : runtime;
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "warm-up: "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
    }
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1))
        .build();
  }

  /** A question put to the engine while polling. */
  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }
}
