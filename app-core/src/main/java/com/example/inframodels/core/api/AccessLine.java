package com.example.inframodels.core.api;

/**
 * What an adapter logs about one request: method, path, route, status and duration, never the body
 * nor the query string (either may carry what a client would not want in a log). The same fields on
 * every packaging, as key-value pairs where the platform reads JSON and as {@link #message()} where
 * it reads plain lines.
 *
 * @param method the request's method
 * @param path the path as received, cut to {@link #MAX_PATH_CHARS} with control characters replaced
 * @param route {@link AdvisorApi#route} of the path: a bounded set of values, unlike the path
 * @param status the status answered
 * @param durationNanos from the request's arrival at the adapter to its answer
 */
public record AccessLine(String method, String path, String route, int status, long durationNanos) {

  /**
   * Long enough for any path of the contract and for a recognisable prefix of a scan; short enough
   * that a 10,000-character path cannot flood the log.
   */
  public static final int MAX_PATH_CHARS = 200;

  /** The line for a request on {@code path}, whatever the client sent as path. */
  public static AccessLine of(String method, String path, int status, long durationNanos) {
    String safePath = printable(path == null ? "" : path, MAX_PATH_CHARS);
    return new AccessLine(
        printable(method == null ? "" : method, 20),
        safePath,
        AdvisorApi.route(path),
        status,
        Math.max(0, durationNanos));
  }

  public long durationMillis() {
    return durationNanos / 1_000_000;
  }

  /** The plain line, e.g. {@code POST /estimate 200 3 ms}: all a journal shows. */
  public String message() {
    return method + " " + path + " " + status + " " + durationMillis() + " ms";
  }

  /**
   * At most {@code limit} characters, a trailing {@code ...} when cut, and no control character: a
   * line break in a path (an API Gateway event's path is decoded) must not start a forged line.
   */
  private static String printable(String text, int limit) {
    boolean cut = text.length() > limit;
    StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 1);
    for (int i = 0; i < Math.min(text.length(), limit); i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return cut ? out.append("...").toString() : out.toString();
  }
}
