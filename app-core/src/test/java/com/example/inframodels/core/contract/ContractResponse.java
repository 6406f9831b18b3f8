package com.example.inframodels.core.contract;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A response as the contract checks it.
 *
 * @param headers header names in lower case
 */
public record ContractResponse(int status, Map<String, String> headers, String body) {
  public ContractResponse {
    headers =
        headers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The media type without parameters, e.g. {@code application/json}. */
  public String mediaType() {
    String type = header("content-type");
    return type == null ? null : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }
}
