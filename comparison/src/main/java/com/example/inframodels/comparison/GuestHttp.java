package com.example.inframodels.comparison;

import com.example.inframodels.vm.Bound;
import com.example.inframodels.vm.QemuVm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The service in the guest as the host sees it through qemu's port forward: the readiness poll the
 * clock stops on, and the warm-up before memory is read.
 */
final class GuestHttp {

  /** Contract requests before resident memory is read, as for every model. */
  static final int WARM_UP = 200;

  private static final Duration POLL = Duration.ofMillis(50);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private GuestHttp() {}

  /**
   * Polls {@code GET /runtime} every 50 ms until it answers 200; the {@link System#nanoTime()} of
   * that answer. Fails if qemu ends or the bound passes first, with the guest's serial console.
   */
  static long awaitRuntime(QemuVm vm, URI base, Bound bound, String when) throws Exception {
    HttpRequest runtime =
        HttpRequest.newBuilder(base.resolve("/runtime")).timeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + bound.limit().toNanos();
    String seen = "no answer";
    while (System.nanoTime() < deadline) {
      if (!vm.isRunning()) {
        throw new IllegalStateException("qemu ended " + when + "\n" + vm.serialTail());
      }
      try {
        int status = CLIENT.send(runtime, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return System.nanoTime();
        }
        seen = "status " + status;
      } catch (IOException e) {
        // Before the guest listens, qemu accepts on the host and drops the connection.
        seen = e.toString();
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(
        String.format(
            "no 200 on /runtime %s within %s; last seen: %s%n%s",
            when, bound.reason(), seen, vm.serialTail()));
  }

  /** {@link #WARM_UP} requests, POST /estimate and GET /runtime in turn; each must be a 200. */
  static void warmUp(URI base) throws Exception {
    HttpRequest estimate =
        HttpRequest.newBuilder(base.resolve("/estimate"))
            .timeout(Duration.ofMinutes(1))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Load.BODY))
            .build();
    HttpRequest runtime =
        HttpRequest.newBuilder(base.resolve("/runtime")).timeout(Duration.ofMinutes(1)).build();
    for (int i = 0; i < WARM_UP; i++) {
      HttpRequest request = i % 2 == 0 ? estimate : runtime;
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri().getPath()
                + " answered "
                + response.statusCode()
                + " during the warm-up: "
                + response.body());
      }
    }
  }
}
