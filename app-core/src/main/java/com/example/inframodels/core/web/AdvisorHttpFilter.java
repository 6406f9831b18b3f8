package com.example.inframodels.core.web;

import com.example.inframodels.core.api.AccessLine;
import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.api.ApiRequest;
import com.example.inframodels.core.api.ApiResponse;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP adapter: servlet request → {@link ApiRequest} → {@link AdvisorApi} → servlet response.
 * It answers every request outside {@code /actuator}, so that unknown paths, wrong methods and
 * oversized bodies get the contract's problem details rather than the servlet container's error
 * pages. On an error dispatch (the container refused a request, e.g. a TRACE) it answers with the
 * container's status, as a problem detail too.
 *
 * <p>Each request it answers gets one line on the {@value #ACCESS_LOGGER} logger ({@link
 * AccessLine}): those answered on the error dispatch and the 405s for writes to the probes
 * included. The probes' own GETs, left to the actuator, are not logged: a supervisor polls them
 * every few seconds, and their answers are the supervisor's to record.
 */
public class AdvisorHttpFilter extends HttpFilter {

  static final String ACTUATOR = "/actuator";

  static final List<String> READ_ONLY = List.of("GET", "HEAD");

  /** A logger of its own, so an operator can turn access lines off without the rest. */
  public static final String ACCESS_LOGGER = "com.example.inframodels.access";

  private static final Log log = LogFactory.getLog(AdvisorHttpFilter.class);

  private static final Logger access = LoggerFactory.getLogger(ACCESS_LOGGER);

  private final transient AdvisorApi api;

  public AdvisorHttpFilter(AdvisorApi api) {
    this.api = api;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      String path = answerError(request, response);
      logAccess(request.getMethod(), path, response.getStatus(), start);
      return;
    }
    String path = path(request);
    if (isActuator(path)) {
      // The probes are read-only. Refusing other methods here also keeps bodies away from
      // Spring's form-content filter, which fails on a malformed form instead of refusing it.
      if (READ_ONLY.contains(request.getMethod())) {
        chain.doFilter(request, response);
      } else {
        write(
            response,
            AdvisorApi.methodNotAllowed(request.getMethod(), path, READ_ONLY),
            request.getMethod());
        logAccess(request.getMethod(), path, response.getStatus(), start);
      }
      return;
    }
    // One byte past the limit is enough to know the body is too large; the rest is never read.
    byte[] body = request.getInputStream().readNBytes(AdvisorApi.MAX_BODY_BYTES + 1);
    ApiResponse answer;
    try {
      answer =
          api.handle(new ApiRequest(request.getMethod(), path, request.getContentType(), body));
    } catch (RuntimeException e) {
      // A bug, not a client mistake: log it, and still answer in the contract's format.
      log.error("advisor failed on " + request.getMethod() + " " + path, e);
      answer = AdvisorApi.rejected(500, path);
    }
    write(response, answer, request.getMethod());
    logAccess(request.getMethod(), path, response.getStatus(), start);
  }

  /** The request's path within the application, as the contract routes it. */
  static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  static boolean isActuator(String path) {
    return path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/");
  }

  /** Answers an error dispatch; returns the path of the request that failed. */
  private static String answerError(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    int code = status instanceof Integer value ? value : 500;
    String path = uri == null ? request.getRequestURI() : uri.toString();
    write(response, AdvisorApi.rejected(code, path), request.getMethod());
    return path;
  }

  /**
   * Key-value pairs for structured formats (Spring Boot's ECS format nests them: {@code
   * http.request.method} becomes {@code {"http":{"request":{"method":...}}}}), named after ECS
   * where ECS has a name ({@code event.duration} is in nanoseconds there); the message carries the
   * same for the plain format.
   */
  static void logAccess(String method, String path, int status, long startNanos) {
    if (!access.isInfoEnabled()) {
      return;
    }
    AccessLine line = AccessLine.of(method, path, status, System.nanoTime() - startNanos);
    access
        .atInfo()
        .addKeyValue("http.request.method", line.method())
        .addKeyValue("url.path", line.path())
        .addKeyValue("http.route", line.route())
        .addKeyValue("http.response.status_code", line.status())
        .addKeyValue("event.duration", line.durationNanos())
        .log(line.message());
  }

  static void write(HttpServletResponse response, ApiResponse answer, String method)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    writeBody(response, answer.body(), method);
  }

  private static void writeBody(HttpServletResponse response, byte[] payload, String method)
      throws IOException {
    response.setContentLength(payload.length);
    if (!"HEAD".equalsIgnoreCase(method)) {
      response.getOutputStream().write(payload);
    }
  }
}
