package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private static final long SECOND = 1_000_000_000L;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final List<Step> steps =
      List.of(step("sizes", 10), step("container", 100), step("vm", 600));
  private final Progress progress =
      new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8), steps, 0);

  @Test
  void expectsTheSumOfTheSteps_beforeAnyHasFinished() {
    progress.starting(0, 0);

    assertThat(progress.remaining(0)).isEqualTo(Duration.ofSeconds(710));
  }

  @Test
  void scalesWhatRemainsByThePaceOfTheFinishedSteps() {
    progress.starting(0, 0);
    progress.finished(0, 20 * SECOND);
    progress.starting(1, 20 * SECOND);

    assertThat(progress.remaining(20 * SECOND))
        .as("the first step took twice its expected time, so the rest is expected to as well")
        .isEqualTo(Duration.ofSeconds(1400));
  }

  @Test
  void countsTheTimeAlreadySpentInTheCurrentStep() {
    progress.starting(0, 0);
    progress.finished(0, 10 * SECOND);
    progress.starting(1, 10 * SECOND);

    assertThat(progress.remaining(70 * SECOND)).isEqualTo(Duration.ofSeconds(640));
  }

  @Test
  void printsWhichStepHowFarAndWhatRemains() {
    progress.starting(1, 0);
    progress.detail("run 3 of 5", 65 * SECOND);

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("[comparison 2/3 · 1 min 5 s elapsed · about ")
        .contains("] container: run 3 of 5");
  }

  private static Step step(String name, int seconds) {
    return new Step(name, Duration.ofSeconds(seconds), recorder -> {});
  }
}
