package com.example.inframodels.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.example.inframodels.core.api.AccessLine;
import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.api.ApiResponse;

/**
 * One invocation, answered and logged: both handlers' way through the contract, with one access
 * line ({@link AccessLine}: method, path, status, duration; never the body) through the Lambda
 * logger. With the function's log format JSON ({@code LoggingConfig} in template.yaml, which the
 * runtime reads as {@code AWS_LAMBDA_LOG_FORMAT}), the runtime interface client writes each call as
 * one JSON object, {@code {"timestamp", "level", "message", "AWSRequestId"}}, the line being its
 * message; with TEXT, the line alone. The Lambda logger rather than a logging framework: the lean
 * handler's cold start would pay for one.
 */
final class AccessLog {

  /**
   * In TEXT format the runtime client writes the message as given; on standard output (the
   * emulator, a local run) without a line break of its own the next output would join the line.
   */
  private static final String END =
      "JSON".equalsIgnoreCase(System.getenv("AWS_LAMBDA_LOG_FORMAT")) ? "" : "\n";

  /**
   * Set while {@link SnapStartPriming} runs its canned events before a snapshot: those are no
   * client's requests, and 600 lines of them would bury the real ones.
   */
  static volatile boolean priming;

  private AccessLog() {}

  /** The function's output for {@code input}, its access line written to {@code logger}. */
  static byte[] answer(AdvisorApi api, byte[] input, LambdaLogger logger) {
    long start = System.nanoTime();
    ApiGatewayEvents.Invocation invocation = ApiGatewayEvents.read(input);
    ApiResponse response = api.handle(invocation.request());
    byte[] output = ApiGatewayEvents.toOutput(invocation, response);
    AccessLine line =
        AccessLine.of(
            invocation.request().method(),
            invocation.request().path(),
            response.status(),
            System.nanoTime() - start);
    if (!priming) {
      logger.log(line.message() + END, LogLevel.INFO);
    }
    return output;
  }
}
