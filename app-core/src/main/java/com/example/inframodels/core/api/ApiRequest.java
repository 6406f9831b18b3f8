package com.example.inframodels.core.api;

import java.util.Objects;

/**
 * A request as the contract sees it.
 *
 * @param method the HTTP method, upper case
 * @param path the path without query string, e.g. {@code /estimate}
 * @param contentType the Content-Type header, or {@code null} when absent
 * @param body the body; adapters read at most {@link AdvisorApi#MAX_BODY_BYTES} + 1 bytes of it
 */
public record ApiRequest(String method, String path, String contentType, byte[] body) {
  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    body = body == null ? new byte[0] : body;
  }
}
