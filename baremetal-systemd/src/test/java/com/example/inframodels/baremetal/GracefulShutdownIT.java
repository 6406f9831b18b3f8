package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.Poll;
import com.example.inframodels.core.testing.ExternalCommand;
import com.example.inframodels.core.testing.InFlightRequest;
import com.example.inframodels.core.testing.RequiredTool;
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

  @Test
  void completesTheRequestInFlightAndExitsCleanlyOnSigterm() throws Exception {
    byte[] body = AdvisorContract.SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8);
    Path jcmd = RequiredTool.at(Path.of(System.getProperty("java.home"), "bin", "jcmd"));

    try (FatJarProcess app = FatJarProcess.start("graceful-shutdown")) {
      app.awaitReady();
      try (InFlightRequest inFlight =
          InFlightRequest.start(new InetSocketAddress("127.0.0.1", app.port), "/estimate", body)) {
        Poll.until(
            "a request thread inside the advisor's filter, waiting for the rest of the body",
            Duration.ofSeconds(30),
            Duration.ofMillis(100),
            () -> threadDump(jcmd, app.pid()),
            dump -> dump.contains("AdvisorHttpFilter.doFilter"));

        app.process.destroy();
        Poll.until(
            "the server to refuse new connections after SIGTERM",
            Duration.ofSeconds(20),
            Duration.ofMillis(50),
            () -> refusesConnections(app.port),
            refused -> refused);
        String response = inFlight.finish();
        boolean exited = app.process.waitFor(40, TimeUnit.SECONDS);

        assertThat(response)
            .as("the request in flight when SIGTERM arrived")
            .startsWith("HTTP/1.1 200")
            .contains("\"cheapest\"");
        assertThat(exited)
            .as("exited within the unit's TimeoutStopSec; log:%n%s", app.logText())
            .isTrue();
        assertThat(app.process.exitValue()).as(app.logText()).isEqualTo(EXIT_ON_SIGTERM);
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
