package com.example.inframodels.lambda;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.example.inframodels.core.api.AdvisorApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The advisor as the Spring path's function. Like the lean handler it takes the Lambda input as the
 * runtime hands it over, a stream, and answers with the same {@link ApiGatewayEvents}: an HTTP API
 * response for an HTTP API event, the body alone for a workload sent directly.
 *
 * <p>Why a stream, and the response written here: for any other input type, {@code FunctionInvoker}
 * parses the input as JSON first (input that is not JSON fails before the function is called; a
 * JSON array of numbers becomes the bytes it lists), and when that JSON is an API Gateway event it
 * wraps the function's output in a response of its own, whose headers are every header of the
 * returned message: Spring's {@code id} and {@code timestamp}, {@code contentType}, and the {@code
 * statusCode} it takes the status from. API Gateway passes them all to the client. Given a stream,
 * {@code FunctionInvoker} does neither, and writes the payload returned here as the function's
 * output.
 */
final class AdvisorFunction implements Function<InputStream, Message<byte[]>> {

  /** The function's name in Spring Cloud Function's registry ({@code application.properties}). */
  static final String NAME = "advisor";

  private final AdvisorApi api;

  AdvisorFunction(AdvisorApi api) {
    this.api = api;
  }

  @Override
  public Message<byte[]> apply(InputStream input) {
    byte[] bytes;
    try {
      bytes = input.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Lambda input", e);
    }
    // The runtime's logger, which the runtime client installs for code that has no Context (a
    // function here); outside Lambda it writes to standard output.
    return MessageBuilder.withPayload(AccessLog.answer(api, bytes, LambdaRuntime.getLogger()))
        .build();
  }
}
