package com.example.inframodels.lambda;

import com.example.inframodels.lambda.EmulatedFunction.Jit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start of a Lambda jar behind AWS's Runtime Interface Emulator with the official runtime
 * client, as the runtime ITs run it ({@link EmulatedFunction}). From the repository root, after
 * {@code ./mvnw -pl serverless-lambda -am verify -Dit.test=ColdStartIT} (which builds the jar and
 * copies the client), any jar:
 *
 * <pre>
 * ./mvnw -pl serverless-lambda exec:java -Dexec.classpathScope=test \
 *   -Dlambda.runtime.client=serverless-lambda/target/lambda-runtime-client \
 *   -Dexec.mainClass=com.example.inframodels.lambda.ColdStartBenchmark \
 *   -Dexec.args="/path/to/function.jar org.springframework.cloud.function.adapter.aws.FunctionInvoker 5"
 * </pre>
 *
 * The JVM starts as the managed {@code java21} runtime starts it (C1 only, {@link
 * Jit#MANAGED_RUNTIME}). A fourth argument, if given, is the function's {@code JAVA_TOOL_OPTIONS},
 * as a Lambda environment variable would set it; quote it inside {@code exec.args} when it holds
 * more than one option, or only the first reaches the function: {@code -Dexec.args="JAR HANDLER 5
 * '-XX:TieredStopAtLevel=4 -Xshare:off'"}.
 *
 * <p>The README's table comes from {@code --compare}: the do-nothing floor, the lean handler and
 * the Spring path, each with the managed runtime's JIT and the JVM's default, side by side (the six
 * alternate run by run), two rounds of five, written to {@code results/cold-start.txt}:
 *
 * <pre>
 * ./mvnw -pl serverless-lambda exec:java -Dexec.classpathScope=test \
 *   -Dlambda.runtime.client=serverless-lambda/target/lambda-runtime-client \
 *   -Dlambda.jar=serverless-lambda/target/serverless-lambda-0.1.0-SNAPSHOT-aws.jar \
 *   -Dexec.mainClass=com.example.inframodels.lambda.ColdStartBenchmark \
 *   -Dexec.args="--compare serverless-lambda/results/cold-start.txt"
 * </pre>
 *
 * <p>What one figure is: the first invocation sent to a fresh emulator until its answer. The
 * emulator starts the runtime at its first invocation, so that is the JVM's launch, the runtime
 * client's start, the handler's initialisation and the first event ({@code GET /runtime} as an HTTP
 * API event), plus the emulator's fork and its relaying over loopback; the emulator's own start (it
 * listens within milliseconds) is not in it. Prints each run and the median, in milliseconds.
 */
public final class ColdStartBenchmark {

  /** A function {@code --compare} measures: its key in the results, its code and handler. */
  record Measured(String key, Path code, String handler) {}

  /** One cold start: its duration, the answer itself and the function's log. */
  record ColdStart(long millis, EmulatedFunction.Answer answer, String log) {}

  static final int RUNS = 5;

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--compare")) {
      Path results = Path.of(args[1]);
      String command =
          "./mvnw -pl serverless-lambda exec:java -Dexec.classpathScope=test"
              + " -Dlambda.runtime.client="
              + System.getProperty("lambda.runtime.client")
              + " -Dlambda.jar="
              + System.getProperty("lambda.jar")
              + " -Dexec.mainClass="
              + ColdStartBenchmark.class.getName()
              + " -Dexec.args=\"--compare "
              + args[1]
              + "\"";
      Files.createDirectories(results.toAbsolutePath().getParent());
      Files.writeString(results, compare(functions(), 2, command));
      System.out.println("written to " + results);
      return;
    }
    Path code = Path.of(args[0]);
    String handler = args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : RUNS;
    Map<String, String> env = args.length > 3 ? Map.of("JAVA_TOOL_OPTIONS", args[3]) : Map.of();
    List<Long> millis = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      ColdStart start = measure(code, handler, "benchmark", env, Jit.MANAGED_RUNTIME);
      System.out.printf(
          "run %d: %d ms (%s)%n",
          run, start.millis(), start.answer().error() ? "function error" : "answered");
      millis.add(start.millis());
    }
    System.out.printf("median of %d: %d ms%n", runs, median(millis));
  }

  /** The floor from the test classes, both handlers from the deployable jar. */
  static List<Measured> functions() {
    Path jar = Path.of(System.getProperty("lambda.jar", "target/none.jar"));
    Path testClasses =
        Path.of(
            HelloWorldHandler.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    return List.of(
        new Measured("floor", testClasses, HelloWorldHandler.class.getName()),
        new Measured("lean", jar, LeanHandlerRuntimeIT.HANDLER),
        new Measured("spring", jar, SpringHandlerRuntimeIT.HANDLER));
  }

  /**
   * Every function under both JITs, {@link #RUNS} cold starts each per round, the six alternating
   * run by run so that a change in the machine's load falls on all of them alike. Fails on the
   * first cold start that did not answer 200 through API Gateway's eyes.
   *
   * @return the results file: a header saying how and when, then one line per function, JIT and
   *     round: key, JIT, round, the runs and their median in milliseconds, tab-separated
   */
  static String compare(List<Measured> functions, int rounds, String command) throws Exception {
    StringBuilder out = new StringBuilder();
    out.append(
            "# Cold starts: the first invocation sent to a fresh aws-lambda-rie until its answer")
        .append(" (JVM launch, runtime client, handler init, first event).\n");
    out.append("# command: ").append(command).append('\n');
    out.append("# started ")
        .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(", load average ")
        .append(loadAverage())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, nice ")
        .append(niceness())
        .append(", java ")
        .append(System.getProperty("java.version"))
        .append(" (")
        .append(System.getProperty("java.vendor"))
        .append(")\n");
    out.append("# key\tjit\tround\truns (ms)\tmedian (ms)\n");
    for (int round = 1; round <= rounds; round++) {
      Map<String, List<Long>> millis = new LinkedHashMap<>();
      for (int run = 0; run < RUNS; run++) {
        for (Measured function : functions) {
          for (Jit jit : Jit.values()) {
            ColdStart start =
                measure(function.code(), function.handler(), "cold-start", Map.of(), jit);
            int status = HttpApiEvents.response(start.answer().body()).status();
            if (start.answer().error() || status != 200) {
              throw new IllegalStateException(
                  function.key() + " " + jit + " did not answer 200:\n" + start.log());
            }
            millis
                .computeIfAbsent(function.key() + "\t" + jit, k -> new ArrayList<>())
                .add(start.millis());
          }
        }
      }
      for (Map.Entry<String, List<Long>> entry : millis.entrySet()) {
        String line =
            entry.getKey()
                + "\t"
                + round
                + "\t"
                + entry.getValue()
                + "\t"
                + median(entry.getValue());
        System.out.println(line);
        out.append(line).append('\n');
      }
    }
    out.append("# finished ")
        .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(", load average ")
        .append(loadAverage())
        .append('\n');
    return out.toString();
  }

  /** A fresh emulator and JVM, sent an HTTP API {@code GET /runtime}. */
  static ColdStart measure(Path code, String handler, String name, Map<String, String> env, Jit jit)
      throws Exception {
    try (EmulatedFunction function = EmulatedFunction.start(code, handler, name, env, jit)) {
      byte[] event = HttpApiEvents.getRuntime();
      Instant sent = Instant.now();
      EmulatedFunction.Answer answer = function.invoke(event, Duration.ofSeconds(120));
      long millis = Duration.between(sent, Instant.now()).toMillis();
      return new ColdStart(millis, answer, function.logText());
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

  /** The benchmark's scheduling priority, which the functions' JVMs inherit (field 19 of stat). */
  private static String niceness() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String loadAverage() {
    try {
      String[] fields =
          Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
