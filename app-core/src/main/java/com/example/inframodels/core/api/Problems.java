package com.example.inframodels.core.api;

import com.example.inframodels.core.api.Problem.FieldError;
import com.example.inframodels.core.estimate.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The problems the contract can answer with, one factory each. */
final class Problems {

  static final String TYPE_BASE =
      "https://github.com/example/infra-models/blob/main/docs/problems.md#";

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(411, "Length Required"),
          Map.entry(413, "Content Too Large"),
          Map.entry(414, "URI Too Long"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(417, "Expectation Failed"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(501, "Not Implemented"),
          Map.entry(505, "HTTP Version Not Supported"));

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
            .map(v -> new FieldError(v.field(), pointer(v.field()), v.detail()))
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
                : "Content-Type " + abbreviate(contentType) + " is not supported")
            + "; send application/json (UTF-8)",
        path,
        null);
  }

  static Problem rejectedByServer(int status, String path) {
    String title = TITLES.getOrDefault(status, "Bad Request");
    return new Problem(
        "about:blank",
        title,
        status,
        "The HTTP server refused the request ("
            + status
            + " "
            + title
            + ") before it reached the"
            + " advisor; the advisor serves POST /estimate and GET /runtime",
        path,
        null);
  }

  static Problem unsupportedByServer(int status, String path) {
    return new Problem(
        "about:blank",
        "Bad Request",
        400,
        "The HTTP server does not support what the request asks for ("
            + status
            + " "
            + TITLES.get(status)
            + ": an unknown method, transfer coding or HTTP version); the advisor serves"
            + " POST /estimate and GET /runtime over HTTP/1.1",
        path,
        null);
  }

  /** Deliberately says nothing of the cause: details stay in the server's log. */
  static Problem serverError(String path) {
    return new Problem(
        "about:blank",
        "Internal Server Error",
        500,
        "The advisor failed to answer; the cause is in the server's log",
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

  /**
   * A JSON pointer (RFC 6901) to a top-level member, in URI-fragment form: "~" and "/" escaped as
   * "~0" and "~1", then anything a fragment cannot hold percent-encoded.
   */
  static String pointer(String field) {
    String escaped = field.replace("~", "~0").replace("/", "~1");
    StringBuilder fragment = new StringBuilder("#/");
    for (byte b : escaped.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0) {
        fragment.append(c);
      } else {
        fragment.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return fragment.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }
}
