package com.example.inframodels.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cold start of any Lambda jar under the same runtime client and Runtime API as the ITs, to compare
 * this module's handlers with another function. From the repository root:
 *
 * <pre>
 * ./mvnw -pl serverless-lambda -am verify -Dit.test=ColdStartIT   # builds and copies the client
 * ./mvnw -pl serverless-lambda exec:java -Dexec.classpathScope=test \
 *   -Dlambda.runtime.client=serverless-lambda/target/lambda-runtime-client \
 *   -Dexec.mainClass=com.example.inframodels.lambda.ColdStartBenchmark \
 *   -Dexec.args="/path/to/function.jar org.springframework.cloud.function.adapter.aws.FunctionInvoker 5"
 * </pre>
 *
 * {@code exec:java} runs in Maven's own JVM, whose working directory is the repository root: hence
 * the runtime client's directory named from there. A fourth argument, if given, is the function
 * JVM's {@code JAVA_TOOL_OPTIONS}, as a Lambda environment variable would set it; quote it inside
 * {@code exec.args} when it holds more than one option, or only the first reaches the function:
 * {@code -Dexec.args="JAR HANDLER 5 '-XX:+TieredCompilation -XX:TieredStopAtLevel=1'"}.
 *
 * <p>Each run is a fresh JVM; the first event is an HTTP API {@code GET /runtime}, whatever the
 * function makes of it. Prints each run and the median, in milliseconds.
 */
public final class ColdStartBenchmark {

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path code = Path.of(args[0]);
    String handler = args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Map<String, String> env = args.length > 3 ? Map.of("JAVA_TOOL_OPTIONS", args[3]) : Map.of();
    System.setProperty(
        "lambda.runtime.client",
        System.getProperty("lambda.runtime.client", "target/lambda-runtime-client"));
    List<Long> millis = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      ColdStart start = measure(code, handler, "benchmark", env);
      System.out.printf(
          "run %d: %d ms (%s)%n",
          run, start.millis(), start.answer().error() ? "function error" : "answered");
      millis.add(start.millis());
    }
    System.out.printf("median of %d: %d ms%n", runs, median(millis));
  }

  /** One cold start: JVM launch to the first answer, the answer itself and the function's log. */
  record ColdStart(long millis, LambdaRuntimeApi.Answer answer, String log) {}

  /** A fresh JVM under the runtime client, sent an HTTP API {@code GET /runtime}. */
  static ColdStart measure(Path code, String handler, String name, Map<String, String> env)
      throws Exception {
    try (LambdaRuntimeApi api = new LambdaRuntimeApi();
        LambdaRuntimeProcess runtime = LambdaRuntimeProcess.start(code, handler, api, name, env)) {
      LambdaRuntimeApi.Answer answer =
          api.invoke(HttpApiEvents.getRuntime(), Duration.ofSeconds(120));
      long millis = Duration.between(runtime.launchedAt(), Instant.now()).toMillis();
      return new ColdStart(millis, answer, runtime.logText());
    }
  }

  /**
   * The middle run; of an even number of runs, the upper of the middle two: always a run that
   * happened. The bench scripts of baremetal-systemd and container-jib pick it the same way.
   */
  static long median(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
