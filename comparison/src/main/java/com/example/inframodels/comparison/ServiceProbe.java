package com.example.inframodels.comparison;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the measurement asks of a service it just started: the moment of its first 200 on {@code GET
 * /runtime} (the one clock rule's end), and the warm-up of contract requests after which its
 * resident memory is read.
 */
final class ServiceProbe {

  /** How often the first 200 is polled for: short beside any start, long beside a request. */
  static final Duration POLL = Duration.ofMillis(20);

  /** The warm-up before memory is read: as many POST /estimate as bench/first-response.sh. */
  static final int WARM_UP_REQUESTS = 200;

  private ServiceProbe() {}

  /**
   * Polls {@code GET /runtime} until it answers 200 with a body {@code accepted} takes, and returns
   * {@link System#nanoTime()} of that answer.
   *
   * @param alive throws when the process under test has exited, which ends the wait at once
   * @param context what a failure message adds (a log, a journal), read only on failure
   */
  static long firstOk(
      URI base,
      Duration deadline,
      Predicate<String> accepted,
      Runnable alive,
      Supplier<String> context)
      throws InterruptedException {
    HttpRequest runtime =
        HttpRequest.newBuilder(base.resolve("/runtime")).timeout(Duration.ofSeconds(2)).build();
    // A client of its own: no pooled connection to a process that served before this start.
    HttpClient http = client();
    long giveUpAt = System.nanoTime() + deadline.toNanos();
    String last = "no answer";
    while (System.nanoTime() < giveUpAt) {
      try {
        alive.run();
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "no 200 on " + runtime.uri() + ": " + e.getMessage() + "\n" + context.get(), e);
      }
      try {
        HttpResponse<String> response = http.send(runtime, HttpResponse.BodyHandlers.ofString());
        long answeredAt = System.nanoTime();
        if (response.statusCode() == 200 && accepted.test(response.body())) {
          return answeredAt;
        }
        last = "status " + response.statusCode();
      } catch (java.io.IOException e) {
        last = e.toString();
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

  /** {@link #firstOk} for any body. */
  static long firstOk(URI base, Duration deadline, Runnable alive, Supplier<String> context)
      throws InterruptedException {
    return firstOk(base, deadline, body -> true, alive, context);
  }

  /** The body of one {@code GET /runtime}, which must answer 200. */
  static String runtime(URI base) throws Exception {
    return runtime(client(), base);
  }

  private static String runtime(HttpClient http, URI base) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/runtime"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    require(response, "GET /runtime");
    return response.body();
  }

  /** {@link #WARM_UP_REQUESTS} POST /estimate with {@link Load#BODY}, then one GET /runtime. */
  static void warmUp(URI base) throws Exception {
    HttpRequest estimate =
        HttpRequest.newBuilder(base.resolve("/estimate"))
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Load.BODY))
            .build();
    HttpClient http = client();
    for (int i = 0; i < WARM_UP_REQUESTS; i++) {
      require(http.send(estimate, HttpResponse.BodyHandlers.ofString()), "POST /estimate");
    }
    runtime(http, base);
  }

  /**
   * {@link #WARM_UP_REQUESTS} requests, POST /estimate and GET /runtime in turn, each of which must
   * be a 200: the container's and the VM's warm-up ({@code timeout} per request, longer for a VM
   * under emulation).
   */
  static void warmUpInTurn(URI base, Duration timeout) throws Exception {
    HttpRequest estimate =
        HttpRequest.newBuilder(base.resolve("/estimate"))
            .timeout(timeout)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Load.BODY))
            .build();
    HttpRequest runtime = HttpRequest.newBuilder(base.resolve("/runtime")).timeout(timeout).build();
    HttpClient http = client();
    for (int i = 0; i < WARM_UP_REQUESTS; i++) {
      HttpRequest request = i % 2 == 0 ? estimate : runtime;
      require(
          http.send(request, HttpResponse.BodyHandlers.ofString()),
          "warm-up " + request.method() + " " + request.uri().getPath());
    }
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1))
        .build();
  }

  private static void require(HttpResponse<String> response, String what) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          what + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
