package com.example.inframodels.core.web;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.function.AdvisorMessages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Answers every request outside {@code /actuator} with the advisor function, so that unknown paths,
 * wrong methods and oversized bodies get the contract's problem details rather than the servlet
 * container's error pages.
 */
public class AdvisorHttpFilter extends HttpFilter {

  static final String ACTUATOR = "/actuator";

  private final transient Function<Message<byte[]>, Message<byte[]>> advisor;

  public AdvisorHttpFilter(Function<Message<byte[]>, Message<byte[]>> advisor) {
    this.advisor = advisor;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/")) {
      chain.doFilter(request, response);
      return;
    }
    // One byte past the limit is enough to know the body is too large; the rest is never read.
    byte[] body = request.getInputStream().readNBytes(AdvisorApi.MAX_BODY_BYTES + 1);
    Message<byte[]> reply =
        advisor.apply(
            AdvisorMessages.request(request.getMethod(), path, request.getContentType(), body));

    response.setStatus(AdvisorMessages.status(reply));
    for (Map.Entry<String, Object> header : reply.getHeaders().entrySet()) {
      String name = header.getKey();
      if (name.equals(MessageHeaders.CONTENT_TYPE)) {
        response.setContentType(header.getValue().toString());
      } else if (Character.isUpperCase(name.charAt(0))) {
        // Message ids, timestamps and the status header stay internal; HTTP headers are
        // capitalised.
        response.setHeader(name, header.getValue().toString());
      }
    }
    byte[] payload = reply.getPayload();
    response.setContentLength(payload.length);
    if (!"HEAD".equalsIgnoreCase(request.getMethod())) {
      response.getOutputStream().write(payload);
    }
  }
}
