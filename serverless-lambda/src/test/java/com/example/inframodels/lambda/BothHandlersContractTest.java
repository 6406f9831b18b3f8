package com.example.inframodels.lambda;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Both handlers, compared answer for answer, in process. {@code BothHandlersRuntimeIT} compares
 * them through the built jar behind the Lambda emulator.
 */
class BothHandlersContractTest extends BothHandlersContract {

  private static final LeanAdvisorHandler LEAN = new LeanAdvisorHandler();

  private static FunctionInvoker invoker;

  @BeforeAll
  static void startSpring() {
    // Where FunctionInvoker looks for the application when there is no jar manifest to read.
    System.setProperty("MAIN_CLASS", SpringAdvisorApplication.class.getName());
    invoker = new FunctionInvoker();
  }

  @AfterAll
  static void forgetTheMainClass() {
    System.clearProperty("MAIN_CLASS");
  }

  @Override
  protected byte[] lean(byte[] input) throws Exception {
    return InProcess.invoke(LEAN, input);
  }

  @Override
  protected byte[] spring(byte[] input) throws Exception {
    return InProcess.invoke(invoker, input);
  }
}
