package com.example.inframodels.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda snapshots an initialised execution environment, canned {@code
 * POST /estimate} events run through the same code as a real invocation, so that the classes they
 * need are loaded and their methods compiled in the snapshot, and the first request of a restored
 * environment does not pay for that.
 *
 * <p>Lambda's runtime calls {@link #beforeCheckpoint} once, when it publishes a version with
 * SnapStart on (docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html); without
 * SnapStart, and in every cold start measured in this module, it is never called, so priming costs
 * an ordinary cold start nothing.
 *
 * <p>Only estimates are primed: their answers depend on the request and the price catalogue alone.
 * {@code GET /runtime} is left out because it describes the environment it runs in; a report made
 * before the snapshot would describe the environment that took it.
 */
final class SnapStartPriming implements Resource {

  /** One Lambda input in, its output document out: the handler's whole path. */
  @FunctionalInterface
  interface Invocation {
    byte[] invoke(byte[] input) throws IOException;
  }

  /** The canned events: an estimate, an estimate refused as invalid, a direct invocation. */
  static final List<Primer> PRIMERS =
      List.of(
          new Primer(
              httpApiEvent(
                  "POST",
                  "/estimate",
                  "{\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512}"),
              200),
          new Primer(httpApiEvent("POST", "/estimate", "{\"requestsPerMonth\":-1}"), 400),
          new Primer(
              "{\"requestsPerMonth\":2000000,\"avgDurationMs\":80,\"memoryMb\":256}"
                  .getBytes(StandardCharsets.UTF_8),
              null));

  /** Enough rounds for C1, the managed runtime's only compiler, to compile the hot methods. */
  static final int ROUNDS = 200;

  private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

  private final Invocation invocation;
  private int primed;

  private SnapStartPriming(Invocation invocation) {
    this.invocation = invocation;
  }

  /**
   * Registers priming through {@code invocation} with the global CRaC context, which the Lambda
   * runtime notifies. That context holds its resources weakly: the caller keeps the returned one.
   */
  static SnapStartPriming register(Invocation invocation) {
    SnapStartPriming priming = new SnapStartPriming(invocation);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
    AccessLog.priming = true;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        for (Primer primer : PRIMERS) {
          primer.check(invocation.invoke(primer.input()));
          primed++;
        }
      }
    } finally {
      AccessLog.priming = false;
    }
  }

  /** Priming keeps nothing that a restored environment would need to make anew. */
  @Override
  public void afterRestore(Context<? extends Resource> context) {}

  /** A stream handler called as the runtime client calls it, without a Lambda context. */
  static Invocation of(RequestStreamHandler handler) {
    return input -> {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(input), output, null);
      return output.toByteArray();
    };
  }

  /** How many canned invocations have run. */
  int primed() {
    return primed;
  }

  /**
   * A canned input and the status its answer must have: an HTTP API response's {@code statusCode},
   * or {@code null} for a direct invocation, whose answer is the estimate itself.
   */
  record Primer(byte[] input, Integer status) {

    /**
     * Fails the snapshot on an unexpected answer: a function that cannot estimate the sample
     * workload is broken, and is better not published.
     */
    void check(byte[] output) {
      String text = new String(output, StandardCharsets.UTF_8);
      Matcher matcher = STATUS.matcher(text);
      boolean expected =
          status == null
              ? !matcher.find() && text.startsWith("{")
              : matcher.find() && Integer.parseInt(matcher.group(1)) == status;
      if (!expected) {
        throw new UncheckedIOException(
            new IOException("priming expected " + describe() + ", got: " + text));
      }
    }

    private String describe() {
      return status == null ? "an estimate" : "status " + status;
    }
  }

  /** An API Gateway HTTP API (payload 2.0) event, as API Gateway builds one. */
  private static byte[] httpApiEvent(String method, String path, String json) {
    String event =
        """
        {"version":"2.0","routeKey":"$default","rawPath":"%2$s","rawQueryString":"",\
        "headers":{"host":"priming.invalid","content-type":"application/json"},\
        "requestContext":{"http":{"method":"%1$s","path":"%2$s","protocol":"HTTP/1.1"}},\
        "body":%3$s,"isBase64Encoded":false}"""
            .formatted(method, path, quote(json));
    return event.getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String json) {
    return '"' + json.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
