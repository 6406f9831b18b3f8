package com.example.inframodels.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A stream handler called in this JVM, as the runtime client calls it: the input document in, the
 * output document out. No {@code Context}: the in-process tests need nothing it carries.
 */
final class InProcess {

  private InProcess() {}

  static byte[] invoke(RequestStreamHandler handler, byte[] input) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(input), output, null);
    return output.toByteArray();
  }
}
