package com.example.inframodels.lambda;

import java.io.IOException;

/** The event fixtures through the lean handler. */
class LeanHandlerEventsTest extends HandlerEventsContract {

  private final LeanAdvisorHandler handler = new LeanAdvisorHandler();

  @Override
  protected byte[] invoke(byte[] input) throws IOException {
    return InProcess.invoke(handler, input);
  }
}
