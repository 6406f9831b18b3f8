package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

  /** Static initialisation failed: the handler class and the JVM's error for it. */
  @Override
  protected List<String> initErrorNames() {
    return List.of("LeanAdvisorHandler", "ExceptionInInitializerError");
  }

  @Test
  void reportsAnUnknownHandlerClassAsAnErrorOnTheFirstInvocation() throws Exception {
    try (LambdaRuntimeApi otherApi = new LambdaRuntimeApi();
        LambdaRuntimeProcess broken =
            LambdaRuntimeProcess.start(
                "com.example.inframodels.lambda.NoSuchHandler", otherApi, "no-such-handler")) {

      LambdaRuntimeApi.Answer answer =
          otherApi.invoke(HttpApiEvents.getRuntime(), Duration.ofSeconds(60));

      assertThat(answer.error())
          .as("Lambda reports a missing class when it is first invoked, as the service does")
          .isTrue();
      assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("NoSuchHandler");
    }
  }
}
