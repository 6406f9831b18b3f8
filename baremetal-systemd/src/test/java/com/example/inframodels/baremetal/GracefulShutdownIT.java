package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.InFlightRequest;
import com.example.inframodels.testing.RequiredTool;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM, as systemd sends it on {@code systemctl stop}: the request in flight still gets its
 * answer, new connections are refused, and the JVM exits with the status the unit counts as success
 * ({@code SuccessExitStatus=143}).
 */
class GracefulShutdownIT {

  /** 128 + SIGTERM: what the JVM's exit status is after its shutdown hooks ran on SIGTERM. */
  private static final int EXIT_ON_SIGTERM = 143;

  /** In a thread dump: a Tomcat request thread reading a request's body. */
  private static final String READING_A_BODY =
      "org.apache.catalina.connector.CoyoteInputStream.read";

  @Test
  void completesTheRequestInFlightAndExitsCleanlyOnSigterm() throws Exception {
    byte[] body = AdvisorContract.SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8);
    Path jcmd = RequiredTool.at(Path.of(System.getProperty("java.home"), "bin", "jcmd"));

    try (FatJarProcess app = FatJarProcess.start("graceful-shutdown")) {
      app.awaitReady();
      try (InFlightRequest inFlight =
          InFlightRequest.start(new InetSocketAddress("127.0.0.1", app.port), "/estimate", body)) {
        // Tomcat (the server this module chose) reading a request body on a request thread.
        await("a request thread inside the server, waiting for the rest of the body")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> threadDump(jcmd, app.pid()), dump -> dump.contains(READING_A_BODY));

        app.process.process().destroy();
        await("the server to refuse new connections after SIGTERM")
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> refusesConnections(app.port));
        String response = inFlight.finish();
        boolean exited = app.process.process().waitFor(40, TimeUnit.SECONDS);

        assertThat(response)
            .as("the request in flight when SIGTERM arrived")
            .startsWith("HTTP/1.1 200")
            .contains("\"cheapest\"");
        assertThat(exited)
            .as("exited within the unit's TimeoutStopSec; log:%n%s", app.logText())
            .isTrue();
        assertThat(app.process.process().exitValue()).as(app.logText()).isEqualTo(EXIT_ON_SIGTERM);
        assertThat(app.logText()).contains("Graceful shutdown complete");
      }
    }
  }

  private static String threadDump(Path jcmd, long pid) throws IOException, InterruptedException {
    return ExternalCommand.run(
            Duration.ofSeconds(10), List.of(jcmd.toString(), Long.toString(pid), "Thread.print"))
        .output();
  }

  private static boolean refusesConnections(int port) throws IOException {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return false;
    } catch (ConnectException refused) {
      return true;
    }
  }
}
