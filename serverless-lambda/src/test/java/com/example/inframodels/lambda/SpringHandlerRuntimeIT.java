package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Spring path: Spring Cloud Function's {@code FunctionInvoker} as the handler, serving
 * app-core's {@code advisor} function from the catalogue, in the same jar as the lean handler.
 */
class SpringHandlerRuntimeIT extends RuntimeClientContract {

  static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker";

  @Override
  protected String handler() {
    return HANDLER;
  }

  @Override
  protected String name() {
    return "spring";
  }

  @Test
  void reportsAFailedStartAsAnInitErrorAndExits() throws Exception {
    try (LambdaRuntimeApi otherApi = new LambdaRuntimeApi();
        LambdaRuntimeProcess broken =
            LambdaRuntimeProcess.start(
                HANDLER,
                otherApi,
                "spring-broken-init",
                Map.of("ADVISOR_PRICE_CATALOGUE", "/nonexistent/prices.json"))) {

      String error =
          new String(otherApi.initError().get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
      boolean exited = broken.process.waitFor(30, TimeUnit.SECONDS);

      assertThat(error)
          .as("the init error names the bean that could not be created")
          .contains("BeanCreationException", "AdvisorApi");
      assertThat(broken.logText())
          .as("the cause is in the function's log")
          .contains("cannot read price catalogue /nonexistent/prices.json");
      assertThat(exited).as("the runtime gives up instead of hanging").isTrue();
      assertThat(broken.process.exitValue()).isNotZero();
    }
  }
}
