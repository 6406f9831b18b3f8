package com.example.inframodels.lambda;

/**
 * The page through the Spring function's {@code $default} route: Spring Cloud Function's invoker.
 */
class SpringPageIT extends LambdaPage {

  @Override
  String handler() {
    return SpringHandlerRuntimeIT.HANDLER;
  }

  @Override
  protected String screenshotName() {
    return "lambda-spring";
  }
}
