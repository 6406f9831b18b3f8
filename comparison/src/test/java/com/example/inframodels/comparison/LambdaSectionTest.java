package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LambdaSectionTest {

  private static Options options(Optional<Path> sample) {
    return new Options(Path.of("/repo"), Path.of("/out"), 5, sample, Set.of(), false);
  }

  @Test
  void takesOneStepThatSkipsEveryRow_whenTheEmulatorIsMissing() throws Exception {
    LambdaSection section = new LambdaSection(() -> Optional.of("aws-lambda-rie not on PATH"));

    List<Step> steps = section.steps(options(Optional.of(Path.of("/sample.jar"))));
    Recorded recorded = new Recorded();
    steps.get(0).action().run(recorded);

    assertThat(steps).hasSize(1);
    assertThat(recorded.figures).isEmpty();
    assertThat(recorded.skipped)
        .hasSize(6)
        .extracting(Skipped::reason)
        .containsOnly("aws-lambda-rie not on PATH");
  }

  @Test
  void failsItsStepRatherThanTheRun_whenCiLacksTheEmulator() {
    LambdaSection section =
        new LambdaSection(
            () -> {
              throw new AssertionError("aws-lambda-rie not on PATH (CI=true)");
            });

    List<Step> steps = section.steps(options(Optional.empty()));

    assertThat(steps).hasSize(1);
    assertThatThrownBy(() -> steps.get(0).action().run(new Recorded()))
        .hasMessageContaining("aws-lambda-rie");
  }

  @Test
  void expectsTheSamplesColdStartsOnlyWhenItIsGiven() {
    LambdaSection section = new LambdaSection(Optional::empty);

    List<Step> without = section.steps(options(Optional.empty()));
    List<Step> with = section.steps(options(Optional.of(Path.of("/sample.jar"))));

    assertThat(without).extracting(Step::name).hasSize(2);
    assertThat(with.get(0).expected()).isGreaterThan(without.get(0).expected());
    assertThat(with.get(1).expected()).isEqualTo(without.get(1).expected());
    assertThat(without.get(1).expected()).isGreaterThan(Duration.ZERO);
  }

  @Test
  void notesHowEveryFigureWasTaken() {
    assertThat(LambdaSection.coldStartNote(LambdaRows.LEAN))
        .startsWith(
            "through aws-lambda-rie and the runtime interface client, JVM flags of the managed"
                + " java21 runtime, 1024 MB");
  }
}
