package com.example.inframodels.core.api;

import com.example.inframodels.core.api.Problem.FieldError;
import com.example.inframodels.core.estimate.FieldViolation;
import java.util.List;

/** The problems the contract can answer with, one factory each. */
final class Problems {

  static final String TYPE_BASE =
      "https://github.com/example/infra-models/blob/main/docs/problems.md#";

  private Problems() {}

  static Problem malformedJson(String detail) {
    return new Problem(
        TYPE_BASE + "malformed-json",
        "Malformed JSON",
        400,
        "The request body is not valid JSON: " + detail,
        null,
        null);
  }

  static Problem invalidWorkload(List<FieldViolation> violations) {
    List<FieldError> errors =
        violations.stream()
            .map(v -> new FieldError(v.field(), "#/" + v.field(), v.detail()))
            .toList();
    String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
    return invalidWorkload("Invalid fields: " + fields, errors);
  }

  static Problem invalidWorkload(String detail, List<FieldError> errors) {
    return new Problem(
        TYPE_BASE + "invalid-workload", "Invalid workload", 400, detail, null, errors);
  }

  static Problem notFound(String path) {
    return new Problem(
        "about:blank",
        "Not Found",
        404,
        "No resource at " + path + "; the advisor serves POST /estimate and GET /runtime",
        path,
        null);
  }

  static Problem methodNotAllowed(String method, String path, String allowed) {
    return new Problem(
        "about:blank",
        "Method Not Allowed",
        405,
        method + " is not supported on " + path + "; use " + allowed,
        path,
        null);
  }

  static Problem unsupportedMediaType(String contentType, String path) {
    return new Problem(
        "about:blank",
        "Unsupported Media Type",
        415,
        (contentType == null
                ? "No Content-Type was sent"
                : "Content-Type " + contentType + " is not supported")
            + "; send application/json",
        path,
        null);
  }

  static Problem contentTooLarge(String path) {
    return new Problem(
        "about:blank",
        "Content Too Large",
        413,
        "The request body exceeds " + AdvisorApi.MAX_BODY_BYTES + " bytes",
        path,
        null);
  }
}
