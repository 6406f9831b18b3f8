package com.example.inframodels.core.web;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.api.ApiResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on a request no servlet answered — a malformed URI, an oversized header: a
 * problem detail instead of Tomcat's HTML error page, and its access line, as {@link
 * AdvisorHttpFilter} writes for the requests it answers.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ApiResponse answer = AdvisorApi.rejected(status, request.getDecodedRequestURI());
    try {
      response.setStatus(answer.status());
      response.setContentType(answer.contentType());
      response.setContentLength(answer.body().length);
      OutputStream out = response.getOutputStream();
      out.write(answer.body());
      response.finishResponse();
      // Tomcat stamps the request on arrival (-1 if it never got that far); the URI as received,
      // since a malformed one has no decoded form.
      long arrived = request.getCoyoteRequest().getStartTimeNanos();
      AdvisorHttpFilter.logAccess(
          request.getMethod(),
          request.getRequestURI(),
          answer.status(),
          arrived == -1 ? System.nanoTime() : arrived);
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response is already closed: nothing left to tell it.
    }
  }
}
