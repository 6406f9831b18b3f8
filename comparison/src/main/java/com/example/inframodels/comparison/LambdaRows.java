package com.example.inframodels.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Lambda section's rows, and the runs it takes of them: which function of serverless-lambda's
 * cold-start benchmark is which row of the table, and, run by run, what each row measured or why a
 * run failed. A row with a failed run gets no figure: its other runs are not averaged as if the
 * failure had not happened.
 */
final class LambdaRows {

  static final String DO_NOTHING = "do-nothing Lambda handler";
  static final String SCF_SAMPLE = "Spring Cloud Function sample (function-sample-aws)";

  static final String NO_SAMPLE =
      "no sample jar given: build Spring Cloud Function's function-sample-aws and pass"
          + " -Dcomparison.scf-sample=PATH";

  /**
   * One row, and the key {@code ColdStartBenchmark.functions} gives its function.
   *
   * @param key the benchmark's key: floor, lean, spring or sample
   */
  record Row(String key, Model model, String subject) {}

  static final Row FLOOR = new Row("floor", Model.REFERENCE, DO_NOTHING);
  static final Row LEAN = new Row("lean", Model.SERVERLESS, Sizes.LEAN_HANDLER);
  static final Row SPRING = new Row("spring", Model.SERVERLESS, Sizes.SPRING_HANDLER);
  static final Row SAMPLE = new Row("sample", Model.REFERENCE, SCF_SAMPLE);

  private static final List<Row> ALL = List.of(FLOOR, LEAN, SPRING, SAMPLE);

  /** The rows whose memory is measured: the two handlers this repository ships. */
  static final List<Row> MEMORY = List.of(LEAN, SPRING);

  /** The row of a benchmark function, by its key. */
  static Row of(String key) {
    return ALL.stream()
        .filter(row -> row.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row for the function " + key));
  }

  /**
   * Every figure of the section, skipped for {@code reason}: what a run without the emulator
   * records. The sample's cold start is skipped for its own reason when no jar of it was given.
   */
  static List<Skipped> allSkipped(String reason, boolean sampleGiven) {
    List<Skipped> skipped = new ArrayList<>();
    for (Row row : List.of(LEAN, SPRING, FLOOR)) {
      skipped.add(new Skipped(Metric.COLD_START, row.model(), row.subject(), reason));
    }
    for (Row row : MEMORY) {
      skipped.add(new Skipped(Metric.MEMORY, row.model(), row.subject(), reason));
    }
    skipped.add(sampleSkipped(sampleGiven ? reason : NO_SAMPLE));
    return skipped;
  }

  /** The sample's cold start, skipped for {@code reason}. */
  static Skipped sampleSkipped(String reason) {
    return new Skipped(Metric.COLD_START, SAMPLE.model(), SAMPLE.subject(), reason);
  }

  /** The runs of one metric over several rows, taken interleaved. */
  static final class Runs {

    private final Metric metric;
    private final Map<Row, List<Double>> values = new LinkedHashMap<>();
    private final Map<Row, List<String>> failures = new LinkedHashMap<>();

    Runs(Metric metric) {
      this.metric = metric;
    }

    void answered(Row row, double value) {
      values.computeIfAbsent(row, r -> new ArrayList<>()).add(value);
    }

    void failed(Row row, int run, String why) {
      failures.computeIfAbsent(row, r -> new ArrayList<>()).add("run " + run + ": " + why);
    }

    /**
     * Records a figure for each row whose every run answered, in the order the rows were first
     * measured; then, if any run failed, throws naming the rows left out and why.
     */
    void report(Recorder recorder, Function<Row, String> note) {
      values.forEach(
          (row, runs) -> {
            if (!failures.containsKey(row)) {
              recorder.figure(
                  new Figure(metric, row.model(), row.subject(), runs, note.apply(row)));
            }
          });
      if (!failures.isEmpty()) {
        StringBuilder message = new StringBuilder(metric.title + ": failed runs left out ");
        List<String> rows = new ArrayList<>();
        failures.forEach(
            (row, why) -> rows.add(row.subject() + " (" + String.join("; ", why) + ")"));
        message.append(String.join(", ", rows));
        throw new IllegalStateException(message.toString());
      }
    }
  }

  private LambdaRows() {}
}
