package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.ContractRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole contract through the built jar, run by the official runtime interface client in its own
 * JVM, each request an API Gateway HTTP API event: the lean handler as Lambda runs it.
 */
class LeanHandlerRuntimeIT extends RuntimeClientContract {

  static final String HANDLER = "com.example.inframodels.lambda.LeanAdvisorHandler";

  @Override
  protected String handler() {
    return HANDLER;
  }

  @Override
  protected String name() {
    return "lean";
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
