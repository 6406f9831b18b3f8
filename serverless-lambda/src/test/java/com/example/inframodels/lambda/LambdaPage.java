package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AdvisorPageContract;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The page at {@code /}, in Chromium, served by one of the built jar's handlers, run by the runtime
 * interface client behind AWS's Runtime Interface Emulator, reached through a stand-in for API
 * Gateway's {@code $default} route ({@link LocalHttpApi}): the page as a deployed function serves
 * it. {@link LeanPageIT} and {@link SpringPageIT} name the handler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LambdaPage extends AdvisorPageContract {

  private EmulatedFunction function;
  private LocalHttpApi api;

  /** The handler the template gives the function. */
  abstract String handler();

  @BeforeAll
  void startTheFunction() throws Exception {
    function = EmulatedFunction.start(handler(), screenshotName() + "-page", Map.of());
    EmulatedFunction.Answer first =
        function.invoke(HttpApiEvents.getRuntime(), RuntimeClientContract.COLD);
    assertThat(first.error())
        .as("the cold start answered: %s", new String(first.body(), StandardCharsets.UTF_8))
        .isFalse();
    api = LocalHttpApi.start(function::output);
  }

  @AfterAll
  void stopTheFunction() throws Exception {
    if (api != null) {
      api.close();
    }
    if (function != null) {
      function.close();
    }
  }

  @Override
  protected URI pageUri() {
    return api.baseUri();
  }

  @Override
  protected String expectedModel() {
    return "SERVERLESS";
  }
}
