package com.example.inframodels.lambda;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/** The event fixtures through Spring Cloud Function's FunctionInvoker, in process. */
class SpringHandlerEventsTest extends HandlerEventsContract {

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
  protected byte[] invoke(byte[] input) throws IOException {
    return InProcess.invoke(invoker, input);
  }
}
