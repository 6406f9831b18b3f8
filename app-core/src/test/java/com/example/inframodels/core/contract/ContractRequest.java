package com.example.inframodels.core.contract;

import java.nio.charset.StandardCharsets;

/**
 * A request of the contract, independent of how it travels.
 *
 * @param contentType the Content-Type header, or {@code null} to send none
 * @param chunked over HTTP, send the body without a Content-Length (chunked); other transports
 *     ignore it
 */
public record ContractRequest(
    String method, String path, String contentType, byte[] body, boolean chunked) {

  public ContractRequest(String method, String path, String contentType, byte[] body) {
    this(method, path, contentType, body, false);
  }

  public static ContractRequest get(String path) {
    return new ContractRequest("GET", path, null, new byte[0]);
  }

  public static ContractRequest postJson(String path, String json) {
    return new ContractRequest(
        "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public ContractRequest withContentType(String type) {
    return new ContractRequest(method, path, type, body, chunked);
  }

  public ContractRequest withMethod(String verb) {
    return new ContractRequest(verb, path, contentType, body, chunked);
  }

  public ContractRequest inChunks() {
    return new ContractRequest(method, path, contentType, body, true);
  }
}
