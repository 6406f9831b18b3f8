package com.example.inframodels.lambda;

import java.io.IOException;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/** The event fixtures through Spring Cloud Function's FunctionInvoker, in process. */
class SpringHandlerEventsTest extends HandlerEventsContract {

  private static final FunctionInvoker INVOKER = InProcess.springInvoker();

  @Override
  protected byte[] invoke(byte[] input) throws IOException {
    return InProcess.invoke(INVOKER, input);
  }
}
