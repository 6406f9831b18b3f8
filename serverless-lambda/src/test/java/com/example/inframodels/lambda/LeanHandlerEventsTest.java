package com.example.inframodels.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** The event fixtures through the lean handler. */
class LeanHandlerEventsTest extends HandlerEventsContract {

  private final LeanAdvisorHandler handler = new LeanAdvisorHandler();

  @Override
  protected byte[] invoke(byte[] input) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(input), output, null);
    return output.toByteArray();
  }
}
