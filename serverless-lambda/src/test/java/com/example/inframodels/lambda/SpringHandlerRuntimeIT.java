package com.example.inframodels.lambda;

import java.util.List;

/**
 * The Spring path: Spring Cloud Function's {@code FunctionInvoker} as the handler, serving this
 * module's {@code advisor} function from Spring Cloud Function's registry, in the same jar as the
 * lean handler, behind the same emulator.
 */
class SpringHandlerRuntimeIT extends RuntimeClientContract {

  static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker";

  @Override
  protected String handler() {
    return HANDLER;
  }

  @Override
  protected String templateFunction() {
    return "SpringFunction";
  }

  @Override
  protected String name() {
    return "spring";
  }

  /** The context cannot start: the bean that could not be created. */
  @Override
  protected List<String> initErrorNames() {
    return List.of("BeanCreationException", "AdvisorApi");
  }
}
