package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.testing.InFlightRequest;
import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code docker stop} (SIGTERM, then SIGKILL after a timeout) while a request is in flight: the
 * request still gets its answer and the container exits by itself, well within the timeout.
 */
class ContainerShutdownIT {

  /** 128 + SIGTERM: the JVM's exit status after its shutdown hooks ran. */
  private static final int EXIT_ON_SIGTERM = 143;

  /** Docker's default for `docker stop`; the service drains for 8 s at most. */
  private static final int STOP_TIMEOUT_SECONDS = 10;

  @Test
  void completesTheRequestInFlightAndExitsOnStop() throws Exception {
    DockerClient engine = ContainerEngine.client();
    byte[] body = AdvisorContract.SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8);

    try (AdvisorContainer container = startedContainer();
        InFlightRequest inFlight =
            InFlightRequest.start(container.httpAddress(), "/estimate", body)) {
      String id = container.getContainerId();
      // No jcmd in a JRE image: SIGQUIT makes the JVM print its thread dump to the log instead.
      // Tomcat (the server this module chose) reading a request body on a request thread.
      await("a request thread inside the server, waiting for the rest of the body")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> {
                engine.killContainerCmd(id).withSignal("QUIT").exec();
                return container.getLogs();
              },
              logs -> logs.contains("org.apache.catalina.connector.CoyoteInputStream.read"));

      Instant stopAt = Instant.now();
      CompletableFuture<Void> stop =
          CompletableFuture.runAsync(
              () -> engine.stopContainerCmd(id).withTimeout(STOP_TIMEOUT_SECONDS).exec());
      await("the JVM to begin its graceful shutdown")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(container::getLogs, logs -> logs.contains("Commencing graceful shutdown"));
      String response = inFlight.finish();
      stop.get();
      Duration stopped = Duration.between(stopAt, Instant.now());
      Long exitCode = engine.inspectContainerCmd(id).exec().getState().getExitCodeLong();

      assertThat(response)
          .as("the request in flight when the stop began")
          .startsWith("HTTP/1.1 200")
          .contains("\"cheapest\"");
      assertThat(exitCode).as(container.getLogs()).isEqualTo(EXIT_ON_SIGTERM);
      assertThat(stopped)
          .as("exited by itself, not killed at the %d s timeout", STOP_TIMEOUT_SECONDS)
          .isLessThan(Duration.ofSeconds(STOP_TIMEOUT_SECONDS));
      assertThat(container.getLogs()).contains("Graceful shutdown complete");
    }
  }

  private static AdvisorContainer startedContainer() throws IOException {
    AdvisorContainer container = new AdvisorContainer(ContainerEngine.image());
    container.start();
    return container;
  }
}
