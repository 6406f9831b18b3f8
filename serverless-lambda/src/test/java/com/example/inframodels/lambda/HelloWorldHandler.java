package com.example.inframodels.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The floor for cold starts: a handler that does nothing but answer. */
public class HelloWorldHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.readAllBytes();
    output.write(
        "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"text/plain\"},\"body\":\"hello\"}"
            .getBytes(StandardCharsets.UTF_8));
  }
}
