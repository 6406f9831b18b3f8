package com.example.inframodels.core.web;

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

/**
 * The HTTP adapter: servlet request → {@link ApiRequest} → {@link AdvisorApi} → servlet response.
 * It answers every request outside {@code /actuator}, so that unknown paths, wrong methods and
 * oversized bodies get the contract's problem details rather than the servlet container's error
 * pages. On an error dispatch (the container refused a request, e.g. a TRACE) it answers with the
 * container's status, as a problem detail too.
 */
public class AdvisorHttpFilter extends HttpFilter {

  static final String ACTUATOR = "/actuator";

  static final List<String> READ_ONLY = List.of("GET", "HEAD");

  private static final Log log = LogFactory.getLog(AdvisorHttpFilter.class);

  private final transient AdvisorApi api;

  public AdvisorHttpFilter(AdvisorApi api) {
    this.api = api;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      answerError(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/")) {
      // The probes are read-only. Refusing other methods here also keeps bodies away from
      // Spring's form-content filter, which fails on a malformed form instead of refusing it.
      if (READ_ONLY.contains(request.getMethod())) {
        chain.doFilter(request, response);
      } else {
        write(
            response,
            AdvisorApi.methodNotAllowed(request.getMethod(), path, READ_ONLY),
            request.getMethod());
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
  }

  private static void answerError(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    int code = status instanceof Integer value ? value : 500;
    write(
        response,
        AdvisorApi.rejected(code, uri == null ? request.getRequestURI() : uri.toString()),
        request.getMethod());
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
