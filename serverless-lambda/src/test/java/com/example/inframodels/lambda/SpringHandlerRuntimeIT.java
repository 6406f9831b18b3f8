package com.example.inframodels.lambda;

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
}
