package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.inframodels.lambda.ColdStartBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LambdaRowsTest {

  @Test
  void givesEveryFunctionOfTheColdStartBenchmarkARow() {
    List<String> subjects =
        ColdStartBenchmark.functions(Optional.of(Path.of("sample.jar"))).stream()
            .map(function -> LambdaRows.of(function.key()).subject())
            .toList();

    assertThat(subjects)
        .containsExactly(
            LambdaRows.DO_NOTHING, Sizes.LEAN_HANDLER, Sizes.SPRING_HANDLER, LambdaRows.SCF_SAMPLE);
  }

  @Test
  void putsTheShippedHandlersUnderServerlessAndTheOthersUnderReference() {
    assertThat(LambdaRows.LEAN.model()).isEqualTo(Model.SERVERLESS);
    assertThat(LambdaRows.SPRING.model()).isEqualTo(Model.SERVERLESS);
    assertThat(LambdaRows.FLOOR.model()).isEqualTo(Model.REFERENCE);
    assertThat(LambdaRows.SAMPLE.model()).isEqualTo(Model.REFERENCE);
  }

  @Test
  void rejectsAFunctionItHasNoRowFor() {
    assertThatThrownBy(() -> LambdaRows.of("other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other");
  }

  @Test
  void skipsEveryFigureForTheReason_andTheSampleForItsOwn_whenNoSampleWasGiven() {
    List<Skipped> skipped = LambdaRows.allSkipped("aws-lambda-rie not on PATH", false);

    assertThat(skipped)
        .extracting(Skipped::metric, Skipped::subject)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Metric.COLD_START, Sizes.LEAN_HANDLER),
            org.assertj.core.groups.Tuple.tuple(Metric.COLD_START, Sizes.SPRING_HANDLER),
            org.assertj.core.groups.Tuple.tuple(Metric.COLD_START, LambdaRows.DO_NOTHING),
            org.assertj.core.groups.Tuple.tuple(Metric.COLD_START, LambdaRows.SCF_SAMPLE),
            org.assertj.core.groups.Tuple.tuple(Metric.MEMORY, Sizes.LEAN_HANDLER),
            org.assertj.core.groups.Tuple.tuple(Metric.MEMORY, Sizes.SPRING_HANDLER));
    assertThat(skipped)
        .filteredOn(skip -> skip.subject().equals(LambdaRows.SCF_SAMPLE))
        .extracting(Skipped::reason)
        .containsExactly(LambdaRows.NO_SAMPLE);
    assertThat(skipped)
        .filteredOn(skip -> !skip.subject().equals(LambdaRows.SCF_SAMPLE))
        .extracting(Skipped::reason)
        .containsOnly("aws-lambda-rie not on PATH");
  }

  @Test
  void skipsTheSampleForTheMissingEmulatorToo_whenASampleWasGiven() {
    assertThat(LambdaRows.allSkipped("aws-lambda-rie not on PATH", true))
        .extracting(Skipped::reason)
        .containsOnly("aws-lambda-rie not on PATH");
  }

  @Test
  void keepsEachRowsRunsInOrder_whenTakenInterleaved() {
    LambdaRows.Runs runs = new LambdaRows.Runs(Metric.COLD_START);
    for (int run = 1; run <= 3; run++) {
      runs.answered(LambdaRows.LEAN, run);
      runs.answered(LambdaRows.SPRING, 10 * run);
    }
    Recorded recorded = new Recorded();

    runs.report(recorded, row -> "note of " + row.key());

    assertThat(recorded.figures)
        .containsExactly(
            new Figure(
                Metric.COLD_START,
                Model.SERVERLESS,
                Sizes.LEAN_HANDLER,
                List.of(1.0, 2.0, 3.0),
                "note of lean"),
            new Figure(
                Metric.COLD_START,
                Model.SERVERLESS,
                Sizes.SPRING_HANDLER,
                List.of(10.0, 20.0, 30.0),
                "note of spring"));
  }

  @Test
  void leavesOutARowWithAFailedRun_recordsTheOthers_andThenThrowsNamingIt() {
    LambdaRows.Runs runs = new LambdaRows.Runs(Metric.COLD_START);
    runs.answered(LambdaRows.FLOOR, 120);
    runs.answered(LambdaRows.SAMPLE, 2000);
    runs.answered(LambdaRows.FLOOR, 130);
    runs.failed(LambdaRows.SAMPLE, 2, "no answer within PT2M");
    Recorded recorded = new Recorded();

    assertThatThrownBy(() -> runs.report(recorded, row -> ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(LambdaRows.SCF_SAMPLE)
        .hasMessageContaining("run 2: no answer within PT2M")
        .hasMessageNotContaining(LambdaRows.DO_NOTHING);
    assertThat(recorded.figures)
        .extracting(Figure::subject, Figure::runs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LambdaRows.DO_NOTHING, List.of(120.0, 130.0)));
  }

  @Test
  void recordsNoFigureForARowWhoseEveryRunFailed() {
    LambdaRows.Runs runs = new LambdaRows.Runs(Metric.MEMORY);
    runs.failed(LambdaRows.LEAN, 1, "function error");
    Recorded recorded = new Recorded();

    assertThatThrownBy(() -> runs.report(recorded, row -> ""))
        .hasMessageContaining(Sizes.LEAN_HANDLER);
    assertThat(recorded.figures).isEmpty();
  }
}
