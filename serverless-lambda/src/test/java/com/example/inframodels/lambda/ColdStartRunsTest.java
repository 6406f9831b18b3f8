package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed cold start is reported and left out of the median, never averaged in. */
class ColdStartRunsTest {

  @Test
  void mediansTheAnsweredRunsOnly() {
    ColdStartRuns runs = new ColdStartRuns();
    runs.answered(130);
    runs.failed(20, "function error: {\"errorType\":\"x\"}");
    runs.answered(120);
    runs.failed(120_000, "no answer: timed out");
    runs.answered(140);

    assertThat(runs.median())
        .as("the median of 130, 120 and 140; the failures at 20 ms and 120 s would move it")
        .hasValue(130);
    assertThat(runs.answeredMillis()).containsExactly(130L, 120L, 140L);
    assertThat(runs.failures())
        .extracting(ColdStartRuns.Run::millis)
        .containsExactly(20L, 120_000L);
  }

  @Test
  void aFastFailureCannotPullTheMedianDown() {
    ColdStartRuns runs = new ColdStartRuns();
    for (long millis : List.of(500L, 510L, 520L)) {
      runs.answered(millis);
    }
    runs.failed(5, "init error");
    runs.failed(6, "init error");

    assertThat(runs.median()).hasValue(510);
  }

  @Test
  void hasNoMedianWhenNothingAnswered() {
    ColdStartRuns runs = new ColdStartRuns();
    runs.failed(100, "init error");

    assertThat(runs.median()).isEmpty();
    assertThat(runs.columns()).isEqualTo("[]\t-\t1 [100 ms: init error]");
  }

  @Test
  void writesTheAnsweredRunsTheirMedianAndTheFailures() {
    ColdStartRuns runs = new ColdStartRuns();
    runs.answered(245);
    runs.failed(3001, "function error");
    runs.answered(120);

    assertThat(runs.columns()).isEqualTo("[245, 120]\t245\t1 [3001 ms: function error]");
  }

  @Test
  void saysNoneWhenEveryRunAnswered() {
    ColdStartRuns runs = new ColdStartRuns();
    runs.answered(245);
    runs.answered(120);
    runs.answered(132);

    assertThat(runs.columns()).isEqualTo("[245, 120, 132]\t132\tnone");
  }

  @Test
  void takesTheUpperOfTheMiddleTwoOfAnEvenCount() {
    assertThat(ColdStartRuns.median(List.of(4L, 1L, 3L, 2L))).isEqualTo(3);
  }
}
