package com.example.inframodels.lambda;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.api.ApiResponse;
import java.util.Map;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The advisor as the Spring path's function: Spring Cloud Function's {@code FunctionInvoker} hands
 * it the Lambda input (an HTTP API event, or a workload sent directly) as the message payload, and
 * turns the returned message into the function's output — an HTTP API response built from the
 * {@value #STATUS} header and the other headers, or the payload alone.
 */
final class AdvisorMessageFunction implements Function<Message<byte[]>, Message<byte[]>> {

  /** The function's name in Spring Cloud Function's registry ({@code application.properties}). */
  static final String NAME = "advisor";

  /** Response header: the HTTP status, under the name {@code FunctionInvoker} reads. */
  static final String STATUS = "statusCode";

  private final AdvisorApi api;

  AdvisorMessageFunction(AdvisorApi api) {
    this.api = api;
  }

  @Override
  public Message<byte[]> apply(Message<byte[]> input) {
    ApiResponse response = api.handle(ApiGatewayEvents.read(input.getPayload()).request());
    MessageBuilder<byte[]> builder =
        MessageBuilder.withPayload(response.body()).setHeader(STATUS, response.status());
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      // Under its HTTP name, which FunctionInvoker copies into the event response, and under
      // Spring's, which its output conversion reads.
      builder.setHeader(header.getKey(), header.getValue());
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        builder.setHeader(MessageHeaders.CONTENT_TYPE, header.getValue());
      }
    }
    return builder.build();
  }
}
