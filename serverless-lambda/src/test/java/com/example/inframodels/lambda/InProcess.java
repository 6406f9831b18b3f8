package com.example.inframodels.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * A stream handler called in this JVM, as the runtime client calls it: the input document in, the
 * output document out. No {@code Context}: the in-process tests need nothing it carries.
 */
final class InProcess {

  private InProcess() {}

  /**
   * Spring Cloud Function's {@code FunctionInvoker}, started on this module's application, which it
   * looks up through the {@code MAIN_CLASS} property when there is no jar manifest to read.
   */
  static FunctionInvoker springInvoker() {
    System.setProperty("MAIN_CLASS", SpringAdvisorApplication.class.getName());
    try {
      return new FunctionInvoker();
    } finally {
      System.clearProperty("MAIN_CLASS");
    }
  }

  static byte[] invoke(RequestStreamHandler handler, byte[] input) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(input), output, null);
    return output.toByteArray();
  }
}
