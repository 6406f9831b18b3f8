package com.example.inframodels.lambda;

/** The page through the lean function's {@code $default} route. */
class LeanPageIT extends LambdaPage {

  @Override
  String handler() {
    return LeanHandlerRuntimeIT.HANDLER;
  }

  @Override
  protected String screenshotName() {
    return "lambda-lean";
  }
}
