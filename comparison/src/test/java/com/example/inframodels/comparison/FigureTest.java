package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureTest {

  @Test
  void takesTheMiddleRunAsMedian_whenTheCountIsOdd() {
    Figure figure =
        new Figure(
            Metric.COLD_START, Model.CONTAINER, "image", List.of(9.0, 1.0, 5.0, 7.0, 3.0), "");

    assertThat(figure.median()).isEqualTo(5.0);
    assertThat(figure.min()).isEqualTo(1.0);
    assertThat(figure.max()).isEqualTo(9.0);
  }

  @Test
  void averagesTheMiddleTwo_whenTheCountIsEven() {
    Figure figure =
        new Figure(Metric.MEMORY, Model.CONTAINER, "image", List.of(4.0, 1.0, 2.0, 10.0), "");

    assertThat(figure.median()).isEqualTo(3.0);
  }

  @Test
  void rejectsAFigureWithoutRuns() {
    assertThatThrownBy(() -> new Figure(Metric.SIZE, Model.SERVERLESS, "jar", List.of(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jar");
  }

  @Test
  void keepsEveryRunAndWritesTheMedianForReaders_whenWrittenAsJson(@TempDir Path dir)
      throws Exception {
    Results results =
        new Results(
            5,
            new Stamp("2026-12-02T00:00:00Z", "abc", "cpu", "os", "jvm", "1.0", "cmd", 60),
            List.of(
                new Figure(
                    Metric.RESTART, Model.BARE_METAL, "systemd", List.of(3.0, 1.0, 2.0), "n")),
            List.of(new Skipped(Metric.MEMORY, Model.VIRTUAL_MACHINE, "VM", "no qemu")),
            List.of("a step: it broke"));
    Path file = dir.resolve("comparison.json");

    results.write(file);
    Results read = Results.read(file);

    assertThat(read).isEqualTo(results);
    assertThat(Files.readString(file))
        .contains("\"median\" : 2.0")
        .contains("\"runs\" : [ 3.0, 1.0, 2.0 ]");
  }
}
