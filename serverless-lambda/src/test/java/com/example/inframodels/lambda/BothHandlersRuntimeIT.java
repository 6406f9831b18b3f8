package com.example.inframodels.lambda;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Both handlers, compared answer for answer, as Lambda runs them: the built jar twice behind AWS's
 * Runtime Interface Emulator, once per handler, each request sent to both as the same event. What
 * reaches a client through API Gateway is what the emulator returns here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BothHandlersRuntimeIT extends BothHandlersContract {

  private EmulatedFunction leanFunction;
  private EmulatedFunction springFunction;

  @BeforeAll
  void startBothFunctions() throws Exception {
    leanFunction = EmulatedFunction.start(LeanHandlerRuntimeIT.HANDLER, "both-lean", Map.of());
    springFunction =
        EmulatedFunction.start(SpringHandlerRuntimeIT.HANDLER, "both-spring", Map.of());
  }

  @AfterAll
  void stopBothFunctions() throws Exception {
    if (leanFunction != null) {
      leanFunction.close();
    }
    if (springFunction != null) {
      springFunction.close();
    }
  }

  @Override
  protected byte[] lean(byte[] input) throws Exception {
    return leanFunction.output(input);
  }

  @Override
  protected byte[] spring(byte[] input) throws Exception {
    return springFunction.output(input);
  }
}
