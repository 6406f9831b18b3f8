package com.example.inframodels.core.api;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} is an extension member listing each offending field
 * with a JSON pointer into the request body, as in the RFC's own example.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One offending field. */
  public record FieldError(String field, String pointer, String detail) {}
}
