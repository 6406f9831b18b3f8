package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSectionTest {

  @TempDir Path output;

  @Test
  void decidesItsStepsWithoutStartingAnything() {
    Options options =
        new Options(Path.of("/nonexistent"), output, 7, Optional.empty(), Set.of(), false);

    assertThat(new ProcessSection().steps(options))
        .extracting(Step::name)
        .containsExactly(
            "bare metal: install.sh --root, start-archive.sh make",
            "bare metal: fresh starts, java -jar and tuned, interleaved",
            "bare metal: steady-state load, tuned");
    assertThat(new ProcessSection().steps(options)).noneMatch(step -> step.expected().isZero());
  }

  @Test
  void registersAfterTheReferences() {
    assertThat(Comparison.sections())
        .extracting(Section::name)
        .containsSubsequence("references", "process", "systemd");
  }
}
