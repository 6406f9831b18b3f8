package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.Poll;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The built fat JAR, started as its own process, the way {@code java -jar} starts it. */
final class FatJarProcess implements AutoCloseable {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  final Process process;
  final int port;
  final Path log;
  final Instant launchedAt;

  private FatJarProcess(Process process, int port, Path log, Instant launchedAt) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.launchedAt = launchedAt;
  }

  /** The jar Maven built in this module; failsafe passes its path. */
  static Path jar() {
    String path = System.getProperty("advisor.jar");
    assertThat(path).as("system property advisor.jar (set by failsafe)").isNotBlank();
    Path jar = Path.of(path);
    assertThat(jar).as("the fat JAR built by `package`").isRegularFile();
    return jar;
  }

  /** Starts the jar on a free port, with systemd's variables removed so nothing pretends. */
  static FatJarProcess start(String name) throws IOException {
    int port = freePort();
    Path log = Path.of("target", name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.add("--server.port=" + port);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("INVOCATION_ID");
    builder.environment().remove("JOURNAL_STREAM");
    Instant launchedAt = Instant.now();
    return new FatJarProcess(builder.start(), port, log, launchedAt);
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** Polls the readiness probe; fails with the process log if it never turns 200. */
  Duration awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      Poll.until(
          "readiness of the fat JAR on port " + port,
          READY_TIMEOUT,
          Duration.ofMillis(50),
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("process exited with " + process.exitValue());
            }
            return http.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode();
          },
          status -> status == 200);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- process log ---\n" + logText(), e);
    }
    return Duration.between(launchedAt, Instant.now());
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
