package com.example.inframodels.core.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response as the contract defines it; the adapter copies status, headers and body verbatim.
 *
 * @param headers names in canonical case, e.g. {@code Content-Type}, {@code Allow}
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {
  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public String contentType() {
    return headers.get("Content-Type");
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
