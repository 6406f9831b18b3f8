package com.example.inframodels.lambda;

import com.example.inframodels.lambda.EmulatedFunction.Jit;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cold start of a Lambda jar behind AWS's Runtime Interface Emulator with the official runtime
 * client, as the runtime ITs run it ({@link EmulatedFunction}).
 *
 * <p>The README's table comes from one command, run from the repository root: it builds the jar,
 * copies the client and runs {@link ColdStartIT}, which with {@code cold-start.results} set
 * measures two rounds and writes that file. {@code scf.sample.jar}, optional, is Spring Cloud
 * Function's own {@code function-sample-aws} jar, built apart (the README says how), measured in
 * the same run:
 *
 * <pre>
 * ./mvnw -pl serverless-lambda -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=ColdStartIT -Dcold-start.results=results/cold-start.txt \
 *   -Dscf.sample.jar=/work/scf-sample/target/function-sample-aws-0.0.1-SNAPSHOT-aws.jar
 * </pre>
 *
 * Every function is measured under both JVM set-ups of {@link Jit}, all of them alternating run by
 * run, {@link #RUNS} fresh starts each per round, so that a change in the machine's load falls on
 * all alike. Any one jar, after a build, as {@code main}: {@code JAR HANDLER [RUNS
 * [JAVA_TOOL_OPTIONS]]} under the managed runtime's set-up, e.g.
 *
 * <pre>
 * ./mvnw -pl serverless-lambda exec:java -Dexec.classpathScope=test \
 *   -Dlambda.runtime.client=serverless-lambda/target/lambda-runtime-client \
 *   -Dexec.mainClass=com.example.inframodels.lambda.ColdStartBenchmark \
 *   -Dexec.args="/path/to/function.jar org.springframework.cloud.function.adapter.aws.FunctionInvoker 5"
 * </pre>
 *
 * <p>What one figure is: from just before the first invocation is sent to a fresh emulator until
 * its answer. The emulator starts the runtime at its first invocation, so the clock starts before
 * the JVM's process is spawned (the one rule for every start this repository measures) and takes in
 * the JVM's launch, the runtime client's start, the handler's initialisation and the first event
 * ({@code GET /runtime} as an HTTP API event), plus the emulator's fork and its relaying over
 * loopback; the emulator's own start (it listens within milliseconds) is not in it. A run that did
 * not answer 200 through API Gateway's eyes is reported with what went wrong and left out of the
 * median ({@link ColdStartRuns}).
 */
public final class ColdStartBenchmark {

  /** A function measured: its key in the results, its code and handler. */
  public record Measured(String key, Path code, String handler) {}

  /** One cold start: its duration, what went wrong ({@code null} when it answered), the log. */
  public record ColdStart(long millis, String failure, String log) {}

  static final int RUNS = 5;

  private static final Duration NO_ANSWER_AFTER = Duration.ofSeconds(120);

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path code = Path.of(args[0]);
    String handler = args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : RUNS;
    Map<String, String> env = args.length > 3 ? Map.of("JAVA_TOOL_OPTIONS", args[3]) : Map.of();
    ColdStartRuns measured = new ColdStartRuns();
    for (int run = 1; run <= runs; run++) {
      ColdStart start = measure(code, handler, "benchmark", env, Jit.MANAGED_RUNTIME);
      System.out.printf(
          "run %d: %d ms (%s)%n",
          run, start.millis(), start.failure() == null ? "answered" : start.failure());
      record(measured, start);
    }
    System.out.println("answered runs, median (ms), failed runs: " + measured.columns());
  }

  /**
   * The floor from the test classes, both handlers from the deployable jar, and Spring Cloud
   * Function's sample when a jar of it is given.
   */
  public static List<Measured> functions(Optional<Path> sample) {
    Path jar = Path.of(System.getProperty("lambda.jar", "target/none.jar"));
    Path testClasses =
        Path.of(
            HelloWorldHandler.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<Measured> functions = new ArrayList<>();
    functions.add(new Measured("floor", testClasses, HelloWorldHandler.class.getName()));
    functions.add(new Measured("lean", jar, LeanHandlerRuntimeIT.HANDLER));
    functions.add(new Measured("spring", jar, SpringHandlerRuntimeIT.HANDLER));
    sample.ifPresent(
        path -> functions.add(new Measured("sample", path, SpringHandlerRuntimeIT.HANDLER)));
    return functions;
  }

  /**
   * {@code rounds} rounds of {@link #RUNS} cold starts of every function under every JVM set-up.
   *
   * @return the results file: a header saying how and when, then one line per function, set-up and
   *     round: key, set-up, round, the answered runs, their median and the failed runs (ms),
   *     tab-separated
   */
  static String compare(List<Measured> functions, int rounds, String command) throws Exception {
    StringBuilder out = new StringBuilder();
    out.append(
        BenchmarkResults.header(
            "Cold starts: from just before the first invocation is sent to a fresh aws-lambda-rie"
                + " (which then spawns the JVM) until its answer: JVM launch, runtime client,"
                + " handler init, first event (GET /runtime, an HTTP API event)",
            command));
    for (Jit jit : Jit.values()) {
      out.append("# ").append(jit.describe(EmulatedFunction.MEMORY_MB)).append('\n');
    }
    for (Measured function : functions) {
      out.append("# ")
          .append(function.key())
          .append(": ")
          .append(function.handler())
          .append(" in ")
          .append(function.code().getFileName())
          .append(
              Files.isRegularFile(function.code())
                  ? ", " + Files.size(function.code()) + " bytes"
                  : "")
          .append('\n');
    }
    out.append("# key\tjvm\tround\tanswered runs (ms)\tmedian (ms)\tfailed runs\n");
    for (int round = 1; round <= rounds; round++) {
      Map<String, ColdStartRuns> runs = new LinkedHashMap<>();
      for (int run = 0; run < RUNS; run++) {
        for (Measured function : functions) {
          for (Jit jit : Jit.values()) {
            ColdStart start =
                measure(function.code(), function.handler(), "cold-start", Map.of(), jit);
            if (start.failure() != null) {
              System.out.println(
                  function.key() + " " + jit + " failed: " + start.failure() + "\n" + start.log());
            }
            record(
                runs.computeIfAbsent(function.key() + "\t" + jit, k -> new ColdStartRuns()), start);
          }
        }
      }
      for (Map.Entry<String, ColdStartRuns> entry : runs.entrySet()) {
        String line = entry.getKey() + "\t" + round + "\t" + entry.getValue().columns();
        System.out.println(line);
        out.append(line).append('\n');
      }
    }
    out.append(BenchmarkResults.footer());
    return out.toString();
  }

  private static void record(ColdStartRuns runs, ColdStart start) {
    if (start.failure() == null) {
      runs.answered(start.millis());
    } else {
      runs.failed(start.millis(), start.failure());
    }
  }

  /**
   * A fresh emulator and JVM, sent an HTTP API {@code GET /runtime}: the clock starts before the
   * invocation that makes the emulator spawn the JVM, and stops at the answer.
   */
  public static ColdStart measure(
      Path code, String handler, String name, Map<String, String> env, Jit jit)
      throws IOException, InterruptedException {
    return measure(code, handler, name, env, jit, List.of());
  }

  /**
   * As {@link #measure(Path, String, String, Map, Jit)}, with more JVM options after {@code jit}'s.
   */
  static ColdStart measure(
      Path code,
      String handler,
      String name,
      Map<String, String> env,
      Jit jit,
      List<String> moreJvmOptions)
      throws IOException, InterruptedException {
    try (EmulatedFunction function =
        EmulatedFunction.start(code, handler, name, env, jit, moreJvmOptions)) {
      byte[] event = HttpApiEvents.getRuntime();
      long sent = System.nanoTime();
      EmulatedFunction.Answer answer;
      try {
        answer = function.invoke(event, NO_ANSWER_AFTER);
      } catch (HttpTimeoutException e) {
        return new ColdStart(
            elapsedMillis(sent), "no answer within " + NO_ANSWER_AFTER, function.logText());
      } catch (IOException e) {
        return new ColdStart(elapsedMillis(sent), "no answer: " + e, function.logText());
      }
      long millis = elapsedMillis(sent);
      return new ColdStart(millis, failure(answer), function.logText());
    }
  }

  /** What is wrong with an answer to {@code GET /runtime}, or {@code null} when it is a 200. */
  static String failure(EmulatedFunction.Answer answer) {
    String body = new String(answer.body(), StandardCharsets.UTF_8);
    if (answer.error()) {
      return "function error (emulator status " + answer.status() + "): " + abbreviate(body);
    }
    try {
      int status = HttpApiEvents.response(answer.body()).status();
      return status == 200 ? null : "answered " + status + ": " + abbreviate(body);
    } catch (RuntimeException notAnHttpApiResponse) {
      return "not an HTTP API response: " + abbreviate(body);
    }
  }

  private static long elapsedMillis(long sentNanos) {
    return Duration.ofNanos(System.nanoTime() - sentNanos).toMillis();
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 200) + "…";
  }
}
