package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole contract through the built jar, run by the official runtime interface client in its own
 * JVM behind AWS's Runtime Interface Emulator, each request an API Gateway HTTP API event: the lean
 * handler as Lambda runs it.
 */
class LeanHandlerRuntimeIT extends RuntimeClientContract {

  static final String HANDLER = "com.example.inframodels.lambda.LeanAdvisorHandler";

  @Override
  protected String handler() {
    return HANDLER;
  }

  @Override
  protected String templateFunction() {
    return "LeanFunction";
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
    try (EmulatedFunction broken =
        EmulatedFunction.start(
            "com.example.inframodels.lambda.NoSuchHandler", "no-such-handler", Map.of())) {

      EmulatedFunction.Answer answer = broken.invoke(HttpApiEvents.getRuntime(), COLD);

      assertThat(answer.error())
          .as("Lambda reports a missing class when it is first invoked, as the service does")
          .isTrue();
      assertThat(answer.status())
          .as("a function error: the runtime started, the handler could not be loaded")
          .isEqualTo(200);
      assertThat(new String(answer.body(), StandardCharsets.UTF_8))
          .contains("NoSuchHandler", "ClassNotFoundException");
    }
  }
}
