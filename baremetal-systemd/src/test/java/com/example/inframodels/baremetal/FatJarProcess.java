package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.inframodels.testing.FreePorts;
import com.example.inframodels.testing.LaunchedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The built fat JAR, started as its own process, the way {@code java -jar} starts it. Public for
 * the comparison harness, which starts it from outside this module.
 */
public final class FatJarProcess implements AutoCloseable {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  /** Where {@code package} leaves the fat JAR, relative to the module's directory. */
  static final Path JAR = Path.of("target", "infra-advisor.jar");

  final LaunchedProcess process;
  final int port;

  /** Where the metrics are served, apart from the public port. */
  final int metricsPort;

  private FatJarProcess(LaunchedProcess process, int port, int metricsPort) {
    this.process = process;
    this.port = port;
    this.metricsPort = metricsPort;
  }

  /** The jar Maven built in this module; failsafe passes its path. */
  static Path jar() {
    String path = System.getProperty("advisor.jar");
    assertThat(path).as("system property advisor.jar (set by failsafe)").isNotBlank();
    Path jar = Path.of(path);
    assertThat(jar).as("the fat JAR built by `package`").isRegularFile();
    return jar;
  }

  /** The jar {@code package} built in {@code module} (this module's directory, from elsewhere). */
  public static Path jar(Path module) {
    Path jar = module.resolve(JAR);
    assertThat(jar).as("the fat JAR built by `package`").isRegularFile();
    return jar;
  }

  /**
   * Starts the jar on a free port (and its metrics on another, so that JVMs started at once never
   * contend for the default one), with systemd's variables removed so nothing pretends, and with
   * ARGUMENTS (Spring Boot's {@code --property=value}) after the port.
   */
  static FatJarProcess start(String name, String... arguments) throws IOException {
    return start(name, List.of(), arguments);
  }

  /** As {@link #start(String, String...)}, with JVM_OPTIONS before {@code -jar}. */
  static FatJarProcess start(String name, List<String> jvmOptions, String... arguments)
      throws IOException {
    return start(jar(), Path.of("target", name + ".log"), jvmOptions, arguments);
  }

  /**
   * As {@link #start(String, List, String...)}, for a given jar, with its output in {@code log}.
   */
  public static FatJarProcess start(
      Path jar, Path log, List<String> jvmOptions, String... arguments) throws IOException {
    int[] ports = FreePorts.distinct(2);
    int port = ports[0];
    int metricsPort = ports[1];
    List<String> command = new ArrayList<>();
    command.add(LaunchedProcess.java());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--advisor.metrics.port=" + metricsPort));
    command.addAll(List.of(arguments));
    Map<String, String> environment = new HashMap<>();
    environment.put("INVOCATION_ID", null);
    environment.put("JOURNAL_STREAM", null);
    LaunchedProcess process =
        LaunchedProcess.start(command, environment, log, Duration.ofSeconds(30));
    return new FatJarProcess(process, port, metricsPort);
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** Polls the readiness probe; fails with the process log if it never turns 200. */
  Duration awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      await("readiness of the fat JAR on port " + port)
          .atMost(READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(
              () -> {
                process.requireAlive();
                return http.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode();
              },
              status -> status == 200);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n--- process log ---\n" + logText(), e);
    }
    return Duration.between(process.launchedAt(), Instant.now());
  }

  public String logText() {
    return process.logText();
  }

  public long pid() {
    return process.pid();
  }

  /** The running JVM, for a probe that must stop when it exits. */
  public LaunchedProcess process() {
    return process;
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
