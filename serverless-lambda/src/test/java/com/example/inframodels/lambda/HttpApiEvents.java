package com.example.inframodels.lambda;

import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tests' side of the API Gateway HTTP API (payload 2.0): a contract request as the event API
 * Gateway hands the function, and the function's answer read back as the response API Gateway turns
 * into HTTP. Written apart from the module's {@code ApiGatewayEvents}, so that a mistake there is
 * not made twice and cancelled out; every test that speaks to a handler in events uses this one.
 */
final class HttpApiEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HttpApiEvents() {}

  /** An HTTP API event as API Gateway builds it: headers lower-cased, binary bodies in base64. */
  static byte[] event(ContractRequest request) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", request.path());
    event.put("rawQueryString", "");
    ObjectNode headers = event.putObject("headers");
    headers.put("host", "advisor.execute-api.us-east-1.amazonaws.com");
    if (request.contentType() != null) {
      headers.put("content-type", request.contentType());
    }
    ObjectNode http = event.putObject("requestContext").putObject("http");
    http.put("method", request.method());
    http.put("path", request.path());
    http.put("protocol", "HTTP/1.1");
    if (request.body().length > 0) {
      event.put("body", Base64.getEncoder().encodeToString(request.body()));
      event.put("isBase64Encoded", true);
    } else {
      event.put("isBase64Encoded", false);
    }
    return JSON.writeValueAsBytes(event);
  }

  /**
   * {@code GET /runtime} as an event: the probe the cold-start, runtime and LocalStack tests send.
   */
  static byte[] getRuntime() {
    return event(ContractRequest.get("/runtime"));
  }

  /** The function's answer to an event, as API Gateway reads it: status, headers and body. */
  static ContractResponse response(byte[] output) {
    JsonNode response = JSON.readTree(output);
    Map<String, String> headers = new LinkedHashMap<>();
    response
        .path("headers")
        .properties()
        .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
    String body = response.path("body").asString("");
    if (response.path("isBase64Encoded").asBoolean(false)) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return new ContractResponse(response.path("statusCode").asInt(), headers, body);
  }
}
