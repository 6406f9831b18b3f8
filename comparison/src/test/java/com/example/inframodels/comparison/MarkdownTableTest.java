package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

  private final String table = MarkdownTable.render(SampleResults.sample());

  @Test
  void stampsTheRunWithMachineJvmDateAndCommit() {
    assertThat(table)
        .startsWith("Measured 2026-12-02T18:00:00Z on Test CPU, 2 cores, 23 GiB")
        .contains("OpenJDK 64-Bit Server VM 17.0.15")
        .contains("at commit `0123456789ab`")
        .contains("compare ratios within one run");
  }

  @Test
  void ordersRowsByModel_fromBareMetalToTheReferences() {
    List<String> rows =
        table.lines().filter(line -> line.startsWith("| ") && line.contains(" | ")).toList();

    assertThat(rows)
        .filteredOn(
            row ->
                !row.startsWith("| Model")
                    && !row.startsWith("| Image")
                    && !row.startsWith("| Monthly")
                    && !row.startsWith("| small")
                    && !row.startsWith("| base"))
        .extracting(row -> row.split(" \\| ")[0] + " | " + row.split(" \\| ")[1])
        .containsExactly(
            "| Bare metal | fat JAR",
            "| Virtual machine | baked image",
            "| Serverless | lean handler",
            "| Reference | " + References.JVM_FLOOR);
  }

  @Test
  void showsTheMedianWithTheRangeOfTheRuns() {
    assertThat(table)
        .contains("| Bare metal | fat JAR | 22.3 | 7,300 (7,100–7,500) | 229 (228–231) |");
  }

  @Test
  void givesEveryMissingFigureItsReason_andLeavesWhatDoesNotApplyBlank() {
    assertThat(table)
        .contains("| Virtual machine | baked image | n/a [1] | n/a [1] |")
        .contains("| Serverless | lean handler | — | 255 (240–300) | n/a [2] | — |")
        .contains("- [1] qemu-system-x86_64 not on PATH")
        .contains("- [2] not read through the emulator");
  }

  @Test
  void marksTheCheapestModelOfEachWorkload() {
    assertThat(table).contains("| small | $2,978.00 | $140.50 | $36.04 | **$0.12** |");
  }

  @Test
  void listsTheImageLayers() {
    assertThat(table).contains("| Image layer | Size (MB) |").contains("| base | 108.2 |");
  }

  @Test
  void listsTheStepsThatFailed() {
    Results sample = SampleResults.sample();
    Results failed =
        new Results(
            sample.runs(),
            sample.stamp(),
            sample.figures(),
            sample.skipped(),
            List.of("VM boot: no 200 within 900 s"));

    assertThat(MarkdownTable.render(failed)).contains("- VM boot: no 200 within 900 s");
    assertThat(table).doesNotContain("failed");
  }
}
