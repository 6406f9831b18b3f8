package com.example.inframodels.lambda;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Both handlers, compared answer for answer, in process. {@code BothHandlersRuntimeIT} compares
 * them through the built jar behind the Lambda emulator.
 */
class BothHandlersContractTest extends BothHandlersContract {

  private static final LeanAdvisorHandler LEAN = new LeanAdvisorHandler();

  private static final FunctionInvoker INVOKER = InProcess.springInvoker();

  @Override
  protected byte[] lean(byte[] input) throws Exception {
    return InProcess.invoke(LEAN, input);
  }

  @Override
  protected byte[] spring(byte[] input) throws Exception {
    return InProcess.invoke(INVOKER, input);
  }
}
