package com.example.inframodels.core.api;

import com.example.inframodels.core.estimate.Estimator;
import com.example.inframodels.core.runtime.RuntimeReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The advisor's contract as one function from request to response.
 *
 * <pre>
 *   POST /estimate        application/json workload  → 200 estimate
 *   POST /estimate/sweep  application/json sweep     → 200 costs across a range of volumes
 *   GET  /runtime                                    → 200 runtime report
 *   GET  /, /assets/…                                → 200 the page and its files
 *   anything else                                    → 4xx application/problem+json
 * </pre>
 *
 * Checks run in the order a client would fix them: path (404), method (405), media type (415), size
 * (413), then the body (400).
 */
public final class AdvisorApi {

  /** Largest body accepted; a workload is a few hundred bytes. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  public static final String ESTIMATE_PATH = "/estimate";
  public static final String SWEEP_PATH = "/estimate/sweep";
  public static final String RUNTIME_PATH = "/runtime";
  public static final String JSON = "application/json";

  private static final Map<String, List<String>> ROUTES = routes();

  private static Map<String, List<String>> routes() {
    Map<String, List<String>> routes = new LinkedHashMap<>();
    routes.put(ESTIMATE_PATH, List.of("POST"));
    routes.put(SWEEP_PATH, List.of("POST"));
    routes.put(RUNTIME_PATH, List.of("GET", "HEAD"));
    PageAssets.PATHS.forEach(path -> routes.put(path, List.of("GET", "HEAD")));
    return Map.copyOf(routes);
  }

  private final Estimator estimator;
  private final Supplier<RuntimeReport> runtime;

  public AdvisorApi(Estimator estimator, Supplier<RuntimeReport> runtime) {
    this.estimator = estimator;
    this.runtime = runtime;
  }

  /** What {@link #route} calls a path on no route of the contract. */
  public static final String UNMATCHED = "UNMATCHED";

  /**
   * The route a path falls on, as metrics and access logs name it: one of the contract's paths, or
   * {@link #UNMATCHED}. A bounded set whatever clients send, so a scan of random paths cannot grow
   * a metric's label values.
   */
  public static String route(String path) {
    if (path.startsWith(PageAssets.ASSETS) && ROUTES.containsKey(path)) {
      return PageAssets.ASSETS + "*";
    }
    return ROUTES.containsKey(path) ? path : UNMATCHED;
  }

  public ApiResponse handle(ApiRequest request) {
    String method = request.method().toUpperCase(Locale.ROOT);
    List<String> allowed = ROUTES.get(request.path());
    if (allowed == null) {
      return problem(Problems.notFound(request.path()), Map.of());
    }
    if (!allowed.contains(method)) {
      return methodNotAllowed(method, request.path(), allowed);
    }
    if (request.path().equals(RUNTIME_PATH) || PageAssets.PATHS.contains(request.path())) {
      ApiResponse answer =
          request.path().equals(RUNTIME_PATH)
              ? json(200, runtime.get())
              : PageAssets.response(request.path());
      // HEAD: the same status and headers as GET, without the body.
      return method.equals("HEAD")
          ? new ApiResponse(answer.status(), answer.headers(), new byte[0])
          : answer;
    }
    if (!isJson(request.contentType())) {
      return problem(
          Problems.unsupportedMediaType(request.contentType(), request.path()),
          Map.of("Accept-Post", JSON));
    }
    if (request.body().length > MAX_BODY_BYTES) {
      return problem(Problems.contentTooLarge(request.path()), Map.of());
    }
    try {
      // The reader asks the estimator's rules, the same that estimate enforces: a workload it
      // returns is never refused there.
      if (request.path().equals(SWEEP_PATH)) {
        AdvisorJson.SweepRequest sweep =
            AdvisorJson.readSweep(request.body(), estimator::sweepViolations);
        return json(
            200, estimator.sweep(sweep.workload(), sweep.from(), sweep.to(), sweep.points()));
      }
      return json(
          200, estimator.estimate(AdvisorJson.readWorkload(request.body(), estimator::violations)));
    } catch (ProblemException e) {
      return problem(e.problem(), Map.of());
    }
  }

  /**
   * The answer to a request the HTTP server itself refused before the contract saw it (a malformed
   * URI, an oversized header, a method it will not dispatch): the same status, as a problem detail.
   */
  public static ApiResponse rejected(int status, String path) {
    Problem problem =
        switch (status) {
          // Tomcat's 501 (unknown method or transfer coding) and 505 (HTTP version) answer what
          // the client sent: client mistakes, so a 400 that names the original status.
          case 501, 505 -> Problems.unsupportedByServer(status, path);
          default ->
              status >= 500 ? Problems.serverError(path) : Problems.rejectedByServer(status, path);
        };
    return problem(problem, Map.of());
  }

  /** A 405 for a path outside the contract whose methods are fixed, such as the probes. */
  public static ApiResponse methodNotAllowed(String method, String path, List<String> allowed) {
    String allow = String.join(", ", allowed);
    return problem(Problems.methodNotAllowed(method, path, allow), Map.of("Allow", allow));
  }

  /**
   * {@code application/json}, optionally with {@code charset=utf-8}: JSON exchanged between systems
   * is UTF-8 (RFC 8259), so any other charset, or a header that does not parse, is refused.
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";", -1);
    if (!parts[0].strip().equalsIgnoreCase(JSON)) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      int equals = parameter.indexOf('=');
      if (equals <= 0) {
        return false;
      }
      String name = parameter.substring(0, equals).strip();
      String value = parameter.substring(equals + 1).strip();
      if (value.startsWith("\"")) {
        if (value.length() < 2 || !value.endsWith("\"")) {
          return false;
        }
        value = value.substring(1, value.length() - 1);
      }
      if (name.equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
        return false;
      }
    }
    return true;
  }

  private static ApiResponse json(int status, Object body) {
    return new ApiResponse(status, Map.of("Content-Type", JSON), AdvisorJson.write(body));
  }

  private static ApiResponse problem(Problem problem, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("Content-Type", Problem.MEDIA_TYPE);
    return new ApiResponse(problem.status(), headers, AdvisorJson.write(problem));
  }
}
