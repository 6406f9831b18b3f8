package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole contract through the built jar, run by the official runtime interface client in its own
 * JVM, each request an API Gateway HTTP API event: a handler as Lambda runs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RuntimeClientContract extends AdvisorContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LambdaRuntimeApi api;
  private LambdaRuntimeProcess runtime;

  /** The handler string, as in a function's configuration. */
  protected abstract String handler();

  /** A short name for the function and its log file. */
  protected abstract String name();

  /** What the init error must name when the handler cannot initialise. */
  protected abstract List<String> initErrorNames();

  @BeforeAll
  void startTheRuntime() throws Exception {
    api = new LambdaRuntimeApi();
    runtime = LambdaRuntimeProcess.start(handler(), api, name());
    api.firstPoll().get(120, TimeUnit.SECONDS);
  }

  @AfterAll
  void stopTheRuntime() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Override
  protected ContractClient client() {
    return request -> HttpApiEvents.response(invoke(HttpApiEvents.event(request)));
  }

  protected byte[] invoke(byte[] input) throws Exception {
    LambdaRuntimeApi.Answer answer = api.invoke(input, Duration.ofSeconds(60));
    assertThat(answer.error())
        .as(
            "a function error instead of a response: %s%n%s",
            new String(answer.body(), StandardCharsets.UTF_8), runtime.logText())
        .isFalse();
    return answer.body();
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
    JsonNode bundled =
        JSON.readTree(
            api.invoke(SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60))
                .body());
    assertThat(bundled.get("priceCatalogue").asString())
        .as("the function's own prices are not the fixture's")
        .isNotEqualTo("negotiated-2026");
    try (LambdaRuntimeApi otherApi = new LambdaRuntimeApi();
        LambdaRuntimeProcess other =
            LambdaRuntimeProcess.start(
                handler(),
                otherApi,
                name() + "-own-prices",
                Map.of("ADVISOR_PRICE_CATALOGUE", catalogue.toAbsolutePath().toString()))) {
      LambdaRuntimeApi.Answer answer =
          otherApi.invoke(SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));

      assertThat(answer.error()).as(other.logText()).isFalse();
      assertThat(JSON.readTree(answer.body()).get("priceCatalogue").asString())
          .isEqualTo("negotiated-2026");
    }
  }

  /** A start that fails (here: a price catalogue that cannot be read) is an init error. */
  @Test
  void reportsAFailedInitialisationAsAnInitErrorAndExits() throws Exception {
    try (LambdaRuntimeApi otherApi = new LambdaRuntimeApi();
        LambdaRuntimeProcess broken =
            LambdaRuntimeProcess.start(
                handler(),
                otherApi,
                name() + "-broken-init",
                Map.of("ADVISOR_PRICE_CATALOGUE", "/nonexistent/prices.json"))) {

      String error =
          new String(otherApi.initError().get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
      boolean exited = broken.process().waitFor(30, TimeUnit.SECONDS);

      assertThat(error).contains(initErrorNames());
      assertThat(broken.logText())
          .as("the cause is in the function's log")
          .contains("cannot read price catalogue /nonexistent/prices.json");
      assertThat(exited).as("the runtime gives up instead of hanging").isTrue();
      assertThat(broken.process().exitValue()).isNotZero();
    }
  }
}
