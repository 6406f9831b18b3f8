package com.example.inframodels.lambda;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.api.AdvisorJson;
import com.example.inframodels.core.api.ApiRequest;
import com.example.inframodels.core.api.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API Gateway transport, this module's own: API Gateway HTTP API events (payload format 2.0) to
 * the contract and back, for both handlers. Anything that is not such an event is taken as a
 * workload sent directly to the function: an estimate request. Plain Jackson, so a handler without
 * a framework can use it.
 *
 * <p>Hand-written on app-core's Jackson tree, not bound to AWS's {@code APIGatewayV2HTTPEvent} and
 * {@code APIGatewayV2HTTPResponse} (aws-lambda-java-events) as AWS's own samples are, because those
 * classes made the lean handler's cold start more than 10 % longer and changed nothing in its
 * answers. Bound either way (with app-core's mapper, or with aws-lambda-java-serialization, the
 * runtime client's own: a shaded Jackson 2, about 870 more classes to load) they passed every test
 * and answered byte for byte as this class does. The lean handler's cold start, medians of 5 fresh
 * JVMs in each of two alternating rounds (2 cores, OpenJDK 17, 2026-12-02), and the deployable jar:
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
    JsonNode event;
    try {
      event = AdvisorJson.mapper().readTree(input);
    } catch (JacksonException e) {
      event = null;
    }
    JsonNode http = event == null ? null : event.path("requestContext").path("http");
    if (http == null || !http.isObject()) {
      // A direct invocation: the input is the workload itself, its mistakes answered as 400s.
      return new Invocation(
          new ApiRequest("POST", AdvisorApi.ESTIMATE_PATH, AdvisorApi.JSON, input), false);
    }
    String body = event.path("body").isString() ? event.path("body").asString() : "";
    byte[] bytes =
        event.path("isBase64Encoded").asBoolean(false)
            ? decodeBase64(body)
            : body.getBytes(StandardCharsets.UTF_8);
    String path = event.path("rawPath").isString() ? event.path("rawPath").asString() : null;
    if (path == null) {
      path = http.path("path").asString("/");
    }
    return new Invocation(
        new ApiRequest(
            http.path("method").asString("GET"),
            path,
            header(event.path("headers"), "content-type"),
            bytes),
        true);
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
    ObjectNode out = AdvisorJson.mapper().createObjectNode();
    out.put("statusCode", response.status());
    ObjectNode headers = out.putObject("headers");
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      headers.put(header.getKey(), header.getValue());
    }
    out.put("body", new String(response.body(), StandardCharsets.UTF_8));
    out.put("isBase64Encoded", false);
    return AdvisorJson.write(out);
  }

  /** API Gateway lower-cases header names in 2.0 events; match without case anyway. */
  private static String header(JsonNode headers, String name) {
    if (!headers.isObject()) {
      return null;
    }
    for (Iterator<String> names = headers.propertyNames().iterator(); names.hasNext(); ) {
      String candidate = names.next();
      if (candidate.equalsIgnoreCase(name)) {
        return headers.get(candidate).asString(null);
      }
    }
    return null;
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
