package com.example.inframodels.core.function;

import com.example.inframodels.core.api.ApiRequest;
import com.example.inframodels.core.api.ApiResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/** How an HTTP exchange travels as Spring messages through the function catalogue. */
public final class AdvisorMessages {

  /** Request header: the HTTP method. */
  public static final String METHOD = "http_method";

  /** Request header: the request path. */
  public static final String PATH = "http_path";

  /**
   * Request header: the Content-Type exactly as sent. Not Spring's {@code contentType} header:
   * Spring Cloud Function parses that one before the function runs, and a client's malformed value
   * must reach the contract (to be answered 415), not fail inside the framework.
   */
  public static final String CONTENT_TYPE = "http_content_type";

  static final String OPAQUE = "application/octet-stream";

  /** Response header: the HTTP status, under the name Spring Cloud Function's AWS adapter reads. */
  public static final String STATUS = "statusCode";

  private AdvisorMessages() {}

  public static Message<byte[]> request(
      String method, String path, String contentType, byte[] body) {
    return MessageBuilder.withPayload(body)
        .setHeader(METHOD, method)
        .setHeader(PATH, path)
        // Empty when none was sent: the header's presence says the request came over HTTP.
        .setHeader(CONTENT_TYPE, contentType == null ? "" : contentType)
        // Opaque bytes for Spring Cloud Function: without this it takes the payload for JSON and
        // converts it (a JSON string would be base64-decoded) before the contract sees it.
        .setHeader(MessageHeaders.CONTENT_TYPE, OPAQUE)
        .build();
  }

  /** A message without method or path headers asks for {@code GET /}, which is not found. */
  static ApiRequest toApiRequest(Message<byte[]> message) {
    MessageHeaders headers = message.getHeaders();
    Object method = headers.getOrDefault(METHOD, "GET");
    Object path = headers.getOrDefault(PATH, "/");
    return new ApiRequest(
        method.toString().toUpperCase(Locale.ROOT),
        path.toString(),
        contentType(message).orElse(null),
        message.getPayload());
  }

  /** The request's content type: as sent over HTTP, else as another adapter set it. */
  static Optional<String> contentType(Message<?> message) {
    Object raw = message.getHeaders().get(CONTENT_TYPE);
    if (raw != null) {
      return Optional.of(raw.toString()).filter(type -> !type.isEmpty());
    }
    return Optional.ofNullable(message.getHeaders().get(MessageHeaders.CONTENT_TYPE))
        .map(Object::toString);
  }

  static Message<byte[]> toMessage(ApiResponse response) {
    MessageBuilder<byte[]> builder =
        MessageBuilder.withPayload(response.body()).setHeader(STATUS, response.status());
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      // Under its HTTP name for adapters that copy headers out (AWS), and under Spring's.
      builder.setHeader(header.getKey(), header.getValue());
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        builder.setHeader(MessageHeaders.CONTENT_TYPE, header.getValue());
      }
    }
    return builder.build();
  }

  /** The status of a response message; 200 when the header is absent. */
  public static int status(Message<?> response) {
    Object status = response.getHeaders().get(STATUS);
    return status == null ? 200 : Integer.parseInt(status.toString());
  }
}
