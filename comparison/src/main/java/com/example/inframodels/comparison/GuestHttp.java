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
}
