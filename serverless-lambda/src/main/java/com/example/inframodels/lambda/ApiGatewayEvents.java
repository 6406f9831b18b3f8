package com.example.inframodels.lambda;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.api.AdvisorJson;
import com.example.inframodels.core.api.ApiRequest;
import com.example.inframodels.core.api.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;

/**
 * The API Gateway transport, this module's own: API Gateway HTTP API events (payload format 2.0) to
 * the contract and back, for both handlers. Anything that is not such an event is taken as a
 * workload sent directly to the function: an estimate request. Jackson's streaming parser and
 * generator alone (jackson-core, with app-core's settings: no key twice), so a handler without a
 * framework can use it and loads no object mapper for it.
 *
 * <p>Hand-written, first on app-core's Jackson tree and now on the streaming API, not bound to
 * AWS's {@code APIGatewayV2HTTPEvent} and {@code APIGatewayV2HTTPResponse} (aws-lambda-java-events)
 * as AWS's own samples are, because those classes made the lean handler's cold start more than 10 %
 * longer and changed nothing in its answers. Bound either way (with app-core's mapper, or with
 * aws-lambda-java-serialization, the runtime client's own: a shaded Jackson 2, about 870 more
 * classes to load) they passed every test and answered byte for byte as this class does. The lean
 * handler's cold start, medians of 5 fresh JVMs in each of two alternating rounds (2 cores, OpenJDK
 * 17, 2026-12-02), and the deployable jar:
 *
 * <pre>
 * event reader                      default JIT    C1 only        vs this class  -aws.jar
 * this class                        423 / 478 ms   438 / 435 ms                  13,576,486 bytes
 * AWS's classes, app-core's mapper  527 / 474 ms   525 / 482 ms   +11 / +15 %    13,612,837 bytes
 * AWS's classes, AWS's serializer   737 / 641 ms   578 / 535 ms   +53 / +27 %    17,326,170 bytes
 * </pre>
 *
 * Two further rounds of the first two: +20 % (default JIT) and +17 % (C1 only). AWS's classes were
 * shaded alone, not the whole 505 KB library. Each figure is the median {@code ColdStartBenchmark}
 * printed for the {@code -aws.jar} built with that reader, with the benchmark as it was then: the
 * runtime client against a Runtime API of the tests' own rather than AWS's emulator, the JVM's
 * default JIT unless its fourth argument ({@code JAVA_TOOL_OPTIONS}) was {@code
 * -XX:+TieredCompilation -XX:TieredStopAtLevel=1}. Its Javadoc has today's command.
 */
final class ApiGatewayEvents {

  private ApiGatewayEvents() {}

  /**
   * One Lambda input, read once: the contract's request, and whether it came as an HTTP API event
   * (answered as one) or directly (answered with the body alone).
   */
  record Invocation(ApiRequest request, boolean httpEvent) {}

  static Invocation read(byte[] input) {
    HttpEvent event;
    try {
      event = HttpEvent.parse(input);
    } catch (JacksonException e) {
      event = null;
    }
    if (event == null || !event.http) {
      // A direct invocation: the input is the workload itself, its mistakes answered as 400s.
      return new Invocation(
          new ApiRequest("POST", AdvisorApi.ESTIMATE_PATH, AdvisorApi.JSON, input), false);
    }
    String body = event.body == null ? "" : event.body;
    byte[] bytes = event.base64 ? decodeBase64(body) : body.getBytes(StandardCharsets.UTF_8);
    String path = event.rawPath != null ? event.rawPath : orElse(event.path, "/");
    return new Invocation(
        new ApiRequest(orElse(event.method, "GET"), path, event.contentType, bytes), true);
  }

  /**
   * The function's output for one invocation: an HTTP API response for an event, the response body
   * alone (the estimate, or the problem) for a direct invocation.
   */
  static byte[] toOutput(Invocation invocation, ApiResponse response) {
    return invocation.httpEvent() ? toEventResponse(response) : response.body();
  }

  /** The contract's response as API Gateway expects it back from the function. */
  private static byte[] toEventResponse(ApiResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(response.body().length + 256);
    try (JsonGenerator json =
        AdvisorJson.factory().createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeNumberProperty("statusCode", response.status());
      json.writeName("headers");
      json.writeStartObject();
      for (Map.Entry<String, String> header : response.headers().entrySet()) {
        json.writeStringProperty(header.getKey(), header.getValue());
      }
      json.writeEndObject();
      json.writeStringProperty("body", new String(response.body(), StandardCharsets.UTF_8));
      json.writeBooleanProperty("isBase64Encoded", false);
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }

  /**
   * What the translation reads of an event, taken in one pass over the whole input: {@code
   * requestContext.http} (is it an object; its method and path), {@code rawPath}, {@code body},
   * {@code isBase64Encoded} and the Content-Type header. Everything else is parsed and skipped, so
   * input that is not one well-formed JSON value (a key twice, anything after it) is no event.
   */
  private static final class HttpEvent {
    boolean http;
    String method;
    String path;
    String rawPath;
    String body;
    boolean base64;
    String contentType;
    private boolean contentTypeSeen;

    /** The event, or {@code null} when the input is JSON but not an object. */
    static HttpEvent parse(byte[] input) {
      try (JsonParser json = AdvisorJson.factory().createParser(ObjectReadContext.empty(), input)) {
        JsonToken first = json.nextToken();
        if (first == null) {
          return null;
        }
        HttpEvent event = null;
        if (first == JsonToken.START_OBJECT) {
          event = new HttpEvent();
          event.readTop(json);
        } else {
          json.skipChildren();
        }
        return json.nextToken() == null ? event : null;
      }
    }

    private void readTop(JsonParser json) {
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        JsonToken token = json.nextToken();
        switch (name) {
          case "requestContext" -> {
            if (token == JsonToken.START_OBJECT) {
              readRequestContext(json);
            } else {
              json.skipChildren();
            }
          }
          case "rawPath" ->
              rawPath = token == JsonToken.VALUE_STRING ? json.getString() : skip(json);
          case "body" -> body = token == JsonToken.VALUE_STRING ? json.getString() : skip(json);
          case "isBase64Encoded" -> base64 = truthy(json, token);
          case "headers" -> {
            if (token == JsonToken.START_OBJECT) {
              readHeaders(json);
            } else {
              json.skipChildren();
            }
          }
          default -> json.skipChildren();
        }
      }
    }

    private void readRequestContext(JsonParser json) {
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        JsonToken token = json.nextToken();
        if (name.equals("http") && token == JsonToken.START_OBJECT) {
          http = true;
          for (String field = json.nextName(); field != null; field = json.nextName()) {
            JsonToken value = json.nextToken();
            switch (field) {
              case "method" -> method = scalar(json, value);
              case "path" -> path = scalar(json, value);
              default -> json.skipChildren();
            }
          }
        } else {
          json.skipChildren();
        }
      }
    }

    /** API Gateway lower-cases header names in 2.0 events; match without case anyway. */
    private void readHeaders(JsonParser json) {
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        JsonToken token = json.nextToken();
        if (!contentTypeSeen && name.equalsIgnoreCase("content-type")) {
          contentTypeSeen = true;
          contentType = scalar(json, token);
        } else {
          json.skipChildren();
        }
      }
    }

    /** A string, number or boolean as its text; {@code null} for null, an object or an array. */
    private static String scalar(JsonParser json, JsonToken token) {
      return switch (token) {
        case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
            json.getString();
        default -> skip(json);
      };
    }

    private static boolean truthy(JsonParser json, JsonToken token) {
      return switch (token) {
        case VALUE_TRUE -> true;
        case VALUE_STRING -> json.getString().strip().equals("true");
        default -> {
          skip(json);
          yield false;
        }
      };
    }

    private static String skip(JsonParser json) {
      json.skipChildren();
      return null;
    }
  }

  /** A body that claims base64 but is not is as malformed as bad JSON: hand the contract junk. */
  private static byte[] decodeBase64(String body) {
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      return new byte[] {(byte) 0xff};
    }
  }
}
