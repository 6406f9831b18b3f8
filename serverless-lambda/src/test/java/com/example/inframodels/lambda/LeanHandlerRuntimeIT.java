package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole contract through the built jar, run by the official runtime interface client in its own
 * JVM, each request an API Gateway HTTP API event: the lean handler as Lambda runs it.
 */
class LeanHandlerRuntimeIT extends AdvisorContract {

  static final String HANDLER = "com.example.inframodels.lambda.LeanAdvisorHandler";

  private static LambdaRuntimeApi api;
  private static LambdaRuntimeProcess runtime;

  @BeforeAll
  static void startTheRuntime() throws Exception {
    api = new LambdaRuntimeApi();
    runtime = LambdaRuntimeProcess.start(HANDLER, api, "lean");
    api.firstPoll().get(60, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopTheRuntime() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Override
  protected ContractClient client() {
    return request -> {
      LambdaRuntimeApi.Answer answer =
          api.invoke(LeanHandlerContractTest.event(request), Duration.ofSeconds(30));
      assertThat(answer.error())
          .as(
              "a function error instead of a response: %s%n%s",
              new String(answer.body(), StandardCharsets.UTF_8), runtime.logText())
          .isFalse();
      return LeanHandlerContractTest.response(answer.body());
    };
  }

  @Test
  void reportsServerlessWithLambdasEvidence() throws Exception {
    ContractResponse response = send(ContractRequest.get("/runtime"));

    JsonNode report = json(response);
    assertThat(report.get("model").asString()).isEqualTo("SERVERLESS");
    assertThat(report.get("evidence").toString())
        .contains("env AWS_LAMBDA_FUNCTION_NAME=infra-advisor-lean");
    assertThat(report.get("supervisor").asString()).isEqualTo("lambda");
  }

  @Test
  void reportsAFailedInitialisationAsAnInitErrorAndExits() throws Exception {
    try (LambdaRuntimeApi otherApi = new LambdaRuntimeApi();
        LambdaRuntimeProcess broken =
            LambdaRuntimeProcess.start(
                HANDLER,
                otherApi,
                "broken-init",
                Map.of("ADVISOR_PRICE_CATALOGUE", "/nonexistent/prices.json"))) {

      String error =
          new String(otherApi.initError().get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
      boolean exited = broken.process.waitFor(30, TimeUnit.SECONDS);

      assertThat(error)
          .as("the init error names the handler whose initialisation failed")
          .contains("LeanAdvisorHandler", "ExceptionInInitializerError");
      assertThat(broken.logText())
          .as("the cause is in the function's log")
          .contains("cannot read price catalogue /nonexistent/prices.json");
      assertThat(exited).as("the runtime gives up instead of hanging").isTrue();
      assertThat(broken.process.exitValue()).isNotZero();
    }
  }

  @Test
  void reportsAnUnknownHandlerClassAsAnErrorOnTheFirstInvocation() throws Exception {
    try (LambdaRuntimeApi otherApi = new LambdaRuntimeApi();
        LambdaRuntimeProcess broken =
            LambdaRuntimeProcess.start(
                "com.example.inframodels.lambda.NoSuchHandler", otherApi, "no-such-handler")) {

      LambdaRuntimeApi.Answer answer =
          otherApi.invoke(
              LeanHandlerContractTest.event(ContractRequest.get("/runtime")),
              Duration.ofSeconds(60));

      assertThat(answer.error())
          .as("Lambda reports a missing class when it is first invoked, as the service does")
          .isTrue();
      assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("NoSuchHandler");
    }
  }
}
