package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AccessLogContract;
import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The whole contract through the built jar, run by the official runtime interface client in its own
 * JVM behind AWS's Runtime Interface Emulator ({@link EmulatedFunction}), each request an API
 * Gateway HTTP API event sent to the emulator's invoke endpoint: a handler as Lambda runs it, with
 * the managed {@code java21} runtime's JVM options.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RuntimeClientContract extends AdvisorContract implements AccessLogContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Long enough for a cold start of the Spring path on a busy build machine. */
  static final Duration COLD = Duration.ofSeconds(120);

  private EmulatedFunction function;

  /** The handler string, as in a function's configuration. */
  protected abstract String handler();

  /** A short name for the function and its log file. */
  protected abstract String name();

  /** What the init error must name when the handler cannot initialise. */
  protected abstract List<String> initErrorNames();

  /** The function's logical id in template.yaml. */
  protected abstract String templateFunction();

  /**
   * The log format template.yaml gives the function ({@code LoggingConfig.LogFormat}), as Lambda
   * hands it to the runtime: {@code AWS_LAMBDA_LOG_FORMAT}. Lambda's default is Text.
   */
  static String logFormat(String function) {
    JsonNode template = YAMLMapper.builder().build().readTree(Path.of("template.yaml").toFile());
    return template
        .path("Resources")
        .path(function)
        .path("Properties")
        .path("LoggingConfig")
        .path("LogFormat")
        .asString("Text");
  }

  /**
   * The emulator starts the runtime at the first invocation; the contract's tests come after. The
   * function runs with the log format template.yaml gives it.
   */
  @BeforeAll
  void startTheFunction() throws Exception {
    function =
        EmulatedFunction.start(
            handler(), name(), Map.of("AWS_LAMBDA_LOG_FORMAT", logFormat(templateFunction())));
    EmulatedFunction.Answer first = function.invoke(HttpApiEvents.getRuntime(), COLD);
    assertThat(first.error())
        .as("the cold start answered: %s", new String(first.body(), StandardCharsets.UTF_8))
        .isFalse();
  }

  @AfterAll
  void stopTheFunction() throws Exception {
    if (function != null) {
      function.close();
    }
  }

  @Override
  protected ContractClient client() {
    return request -> HttpApiEvents.response(invoke(HttpApiEvents.event(request)));
  }

  /** The function's answer to {@code input}, failing the test on an error instead. */
  protected byte[] invoke(byte[] input) throws Exception {
    return function.output(input);
  }

  @Test
  void reportsServerlessWithLambdasEvidence() throws Exception {
    ContractResponse response = send(ContractRequest.get("/runtime"));

    JsonNode report = json(response);
    assertThat(report.get("model").asString()).isEqualTo("SERVERLESS");
    assertThat(report.get("evidence").toString())
        .contains("env AWS_LAMBDA_FUNCTION_NAME=infra-advisor-" + name());
    assertThat(report.get("supervisor").asString()).isEqualTo("lambda");
  }

  /** What the emulator passed on of the function's output: the runtime client's log lines. */
  @Override
  public String logText() {
    return function.logText();
  }

  /** The runtime client's JSON line whose message is the access line of METHOD PATH STATUS. */
  @Override
  public boolean isAccessLine(String line, String method, String path, int status) {
    if (!line.startsWith("{")) {
      return false;
    }
    return JSON.readTree(line)
        .path("message")
        .asString("")
        .matches(AccessLogContract.message(method, path, status));
  }

  @Override
  public void checkAccessLine(String logged, List<String> linesSinceMark) {
    JsonNode line = JSON.readTree(logged);
    assertThat(line.path("level").asString()).isEqualTo("INFO");
    assertThat(line.path("AWSRequestId").asString())
        .as("the runtime client adds the invocation's id: %s", line)
        .isNotBlank();
    assertThat(line.path("timestamp").asString()).isNotBlank();
  }

  @Test
  void runsWithTheJsonLogFormatTheTemplateGivesIt() {
    assertThat(logFormat(templateFunction())).isEqualTo("JSON");
  }

  @Test
  void estimatesAWorkloadInvokedDirectly() throws Exception {
    byte[] output = invoke(SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8));

    JsonNode estimate = JSON.readTree(output);
    assertThat(estimate.get("cheapest").asString())
        .as(
            "the estimate itself, not an HTTP response: %s",
            new String(output, StandardCharsets.UTF_8))
        .isEqualTo("SERVERLESS");
  }

  /**
   * ADVISOR_PRICE_CATALOGUE in the function's environment replaces the bundled prices: an
   * operator's own catalogue (this module's test fixture, version "negotiated-2026").
   */
  @Test
  void pricesWithTheCatalogueNamedInItsEnvironment() throws Exception {
    Path catalogue = Path.of("target", name() + "-prices.json");
    try (InputStream fixture =
        getClass().getResourceAsStream("/price-catalogues/negotiated.json")) {
      Files.write(catalogue, fixture.readAllBytes());
    }
    JsonNode bundled = JSON.readTree(invoke(SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8)));
    assertThat(bundled.get("priceCatalogue").asString())
        .as("the function's own prices are not the fixture's")
        .isNotEqualTo("negotiated-2026");
    try (EmulatedFunction other =
        EmulatedFunction.start(
            handler(),
            name() + "-own-prices",
            Map.of("ADVISOR_PRICE_CATALOGUE", catalogue.toAbsolutePath().toString()))) {
      EmulatedFunction.Answer answer =
          other.invoke(SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8), COLD);

      assertThat(answer.error()).as(other.logText()).isFalse();
      assertThat(JSON.readTree(answer.body()).get("priceCatalogue").asString())
          .isEqualTo("negotiated-2026");
    }
  }

  /**
   * A start that fails (here: a price catalogue that cannot be read) is an init error: the emulator
   * answers 502 with what the runtime posted to {@code /init/error}, and reports the runtime's exit
   * ({@code Runtime.ExitError}, its name for a runtime that exited).
   */
  @Test
  void reportsAFailedInitialisationAsAnInitErrorAndExits() throws Exception {
    try (EmulatedFunction broken =
        EmulatedFunction.start(
            handler(),
            name() + "-broken-init",
            Map.of("ADVISOR_PRICE_CATALOGUE", "/nonexistent/prices.json"))) {

      EmulatedFunction.Answer answer = broken.invoke(HttpApiEvents.getRuntime(), COLD);
      List<ProcessHandle> stillRunning = awaitNoRuntime(broken, Duration.ofSeconds(30));

      assertThat(answer.status()).as("an init failure, not a function error").isEqualTo(502);
      assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains(initErrorNames());
      assertThat(broken.logText())
          .as("the cause is in the function's log")
          .contains("cannot read price catalogue /nonexistent/prices.json")
          .as("the emulator saw the runtime exit with an error")
          .contains("Runtime.ExitError");
      assertThat(stillRunning).as("the runtime gives up instead of hanging").isEmpty();
    }
  }

  private static List<ProcessHandle> awaitNoRuntime(EmulatedFunction function, Duration within)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    List<ProcessHandle> running = function.runningRuntimes();
    while (!running.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      running = function.runningRuntimes();
    }
    return running;
  }
}
