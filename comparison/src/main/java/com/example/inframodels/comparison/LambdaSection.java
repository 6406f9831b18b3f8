package com.example.inframodels.comparison;

import com.example.inframodels.comparison.LambdaRows.Row;
import com.example.inframodels.comparison.LambdaRows.Runs;
import com.example.inframodels.lambda.ColdStartBenchmark;
import com.example.inframodels.lambda.ColdStartBenchmark.ColdStart;
import com.example.inframodels.lambda.ColdStartBenchmark.Measured;
import com.example.inframodels.lambda.EmulatedFunction;
import com.example.inframodels.lambda.EmulatedFunction.Jit;
import com.example.inframodels.lambda.MemoryBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * The serverless model as serverless-lambda's own benchmarks measure it: both handlers of the
 * deployable jar, a do-nothing handler and, when built, Spring Cloud Function's own sample, each
 * behind AWS's Runtime Interface Emulator with the official runtime client, the JVM started as the
 * managed {@code java21} runtime starts it. Cold starts are that module's clock: from just before
 * the invocation that makes the emulator spawn the JVM until the answer to {@code GET /runtime}.
 */
final class LambdaSection implements Section {

  static final String JAR = "serverless-lambda-0.1.0-SNAPSHOT-aws.jar";

  /**
   * The runtime client and its dependencies, which serverless-lambda's build copies for its ITs.
   */
  static final String RUNTIME_CLIENT = "lambda-runtime-client";

  /** The same warm-up as every model's resident memory is read after. */
  static final int WARM_UP_INVOCATIONS = 200;

  static final String THROUGH =
      "through aws-lambda-rie and the runtime interface client, JVM flags of the managed java21"
          + " runtime, "
          + EmulatedFunction.MEMORY_MB
          + " MB";

  /**
   * About how long one cold start takes on a 2-core machine under load, emulator start and stop
   * included, as measured by this section.
   */
  private static final Map<Row, Duration> COLD_START =
      Map.of(
          LambdaRows.FLOOR, Duration.ofMillis(700),
          LambdaRows.LEAN, Duration.ofMillis(900),
          LambdaRows.SPRING, Duration.ofMillis(2200),
          LambdaRows.SAMPLE, Duration.ofMillis(3500));

  /** About how long one start and warm-up takes. */
  private static final Map<Row, Duration> WARM_UP =
      Map.of(LambdaRows.LEAN, Duration.ofMillis(2300), LambdaRows.SPRING, Duration.ofMillis(3500));

  /** Why the emulator cannot be run, if it cannot. */
  private final Supplier<Optional<String>> missingEmulator;

  LambdaSection() {
    this(LambdaSection::emulatorMissing);
  }

  LambdaSection(Supplier<Optional<String>> missingEmulator) {
    this.missingEmulator = missingEmulator;
  }

  @Override
  public String name() {
    return "lambda";
  }

  @Override
  public List<Step> steps(Options options) {
    Optional<String> missing;
    try {
      missing = missingEmulator.get();
    } catch (AssertionError inCi) {
      // On CI a missing tool is a broken machine: the step fails rather than the whole run.
      return List.of(
          new Step(
              "Lambda: aws-lambda-rie",
              Duration.ZERO,
              recorder -> {
                throw inCi;
              }));
    }
    if (missing.isPresent()) {
      return List.of(
          new Step(
              "Lambda: " + missing.get(),
              Duration.ZERO,
              recorder ->
                  LambdaRows.allSkipped(missing.get(), options.scfSample().isPresent())
                      .forEach(recorder::skip)));
    }
    Duration coldStarts =
        sum(COLD_START, options.scfSample().isPresent() ? COLD_START.keySet() : withoutSample());
    Duration warmUps = sum(WARM_UP, WARM_UP.keySet());
    return List.of(
        new Step(
            "Lambda cold starts (aws-lambda-rie)",
            coldStarts.multipliedBy(options.runs()),
            recorder -> coldStarts(options, recorder)),
        new Step(
            "Lambda memory after " + WARM_UP_INVOCATIONS + " invocations",
            warmUps.multipliedBy(options.runs()),
            recorder -> memory(options, recorder)));
  }

  private static void coldStarts(Options options, Recorder recorder) throws Exception {
    Optional<Path> sample = options.scfSample();
    if (sample.isEmpty()) {
      recorder.skip(LambdaRows.sampleSkipped(LambdaRows.NO_SAMPLE));
    } else if (!Files.isRegularFile(sample.get())) {
      recorder.skip(
          LambdaRows.sampleSkipped(
              "no file at -Dcomparison.scf-sample=" + sample.get() + ": build the sample first"));
      sample = Optional.empty();
    }
    List<Measured> functions = functions(options, sample);
    Runs runs = new Runs(Metric.COLD_START);
    for (int run = 1; run <= options.runs(); run++) {
      for (Measured function : functions) {
        Row row = LambdaRows.of(function.key());
        recorder.progress("run " + run + " of " + options.runs() + ": " + row.subject());
        ColdStart start =
            ColdStartBenchmark.measure(
                function.code(), function.handler(), "cold-start", Map.of(), Jit.MANAGED_RUNTIME);
        if (start.failure() == null) {
          runs.answered(row, start.millis());
        } else {
          System.out.println(row.subject() + ", run " + run + ": " + start.failure());
          System.out.println(start.log());
          runs.failed(row, run, start.millis() + " ms, " + start.failure());
        }
      }
    }
    runs.report(recorder, LambdaSection::coldStartNote);
  }

  private static void memory(Options options, Recorder recorder) throws Exception {
    List<Measured> functions =
        functions(options, Optional.empty()).stream()
            .filter(function -> LambdaRows.MEMORY.contains(LambdaRows.of(function.key())))
            .toList();
    Runs runs = new Runs(Metric.MEMORY);
    for (int run = 1; run <= options.runs(); run++) {
      for (Measured function : functions) {
        Row row = LambdaRows.of(function.key());
        recorder.progress("run " + run + " of " + options.runs() + ": " + row.subject());
        try {
          Map<String, Long> status =
              MemoryBenchmark.warmedUp(function.code(), function.handler(), WARM_UP_INVOCATIONS);
          runs.answered(row, status.get("VmRSS") / 1024.0);
        } catch (Exception | AssertionError e) {
          runs.failed(row, run, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
      }
    }
    runs.report(
        recorder,
        row ->
            THROUGH
                + " (the function's MemorySize, as template.yaml gives it); VmRSS of the runtime"
                + " JVM after "
                + WARM_UP_INVOCATIONS
                + " invocations of the contract's events");
  }

  /**
   * serverless-lambda's functions, from this repository's build: its helpers find the jar and the
   * runtime client by the system properties its Failsafe run sets, so they are set here the same
   * way, to absolute paths in its {@code target/}.
   */
  private static List<Measured> functions(Options options, Optional<Path> sample) {
    Path target = options.module("serverless-lambda").resolve("target");
    Path jar = target.resolve(JAR);
    Path client = target.resolve(RUNTIME_CLIENT);
    if (!Files.isRegularFile(jar) || !Files.isDirectory(client)) {
      throw new IllegalStateException(
          "serverless-lambda not built: "
              + (Files.isRegularFile(jar) ? client : jar)
              + " missing (run with -am, through verify)");
    }
    System.setProperty("lambda.jar", jar.toString());
    System.setProperty("lambda.runtime.client", client.toString());
    return ColdStartBenchmark.functions(sample);
  }

  static String coldStartNote(Row row) {
    String what =
        switch (row.key()) {
          case "floor" -> "HelloWorldHandler from serverless-lambda's test classes";
          case "sample" -> "FunctionInvoker on the sample's aws jar";
          default -> "the deployable jar";
        };
    return THROUGH
        + "; "
        + what
        + "; from the first invocation (which spawns the JVM) to its answer to GET /runtime";
  }

  /** Why aws-lambda-rie cannot be found, as serverless-lambda's ITs look for it. */
  private static Optional<String> emulatorMissing() {
    try {
      EmulatedFunction.emulator();
      return Optional.empty();
    } catch (TestAbortedException missing) {
      return Optional.of(missing.getMessage().replaceFirst("^Assumption failed: ", ""));
    }
  }

  private static List<Row> withoutSample() {
    return COLD_START.keySet().stream().filter(row -> row != LambdaRows.SAMPLE).toList();
  }

  private static Duration sum(Map<Row, Duration> perRun, Collection<Row> rows) {
    return rows.stream().map(perRun::get).reduce(Duration.ZERO, Duration::plus);
  }
}
