package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's start-up and memory figures are the ones in bench/results.txt. */
class StartupFiguresTest {

  private static final Path README = Path.of("README.md");

  @ParameterizedTest
  @ValueSource(strings = {"jar", "container", "container-cds", "container-cds-c1"})
  void theReadmesRowOfEachStartIsTheBenchmarksMedian(String variant) throws IOException {
    BenchResults results = BenchResults.read();
    BenchResults.Median median = results.median(variant);
    String ratio = variant.equals("jar") ? "1" : results.ratio(variant) + "×";

    assertThat(median.runs())
        .as("fresh starts of %s that answered", variant)
        .isGreaterThanOrEqualTo(5);
    assertThat(rowOf(variant))
        .as("README row of `%s`", variant)
        .endsWith(
            "| "
                + median.millis()
                + " ms | "
                + ratio
                + " | "
                + median.rssMb()
                + " MB | "
                + median.outsideHeapMb()
                + " MB |");
  }

  @Test
  void theReadmeQuotesTheArchivesDeterminismAndBothJvmsAsMeasured() throws IOException {
    BenchResults results = BenchResults.read();
    long[] differing = results.archiveBytesDiffering();
    String readme = Files.readString(README);

    assertThat(differing[0]).as("bytes differing between two dumps").isPositive();
    assertThat(readme)
        .contains(String.format("%,d of %,d bytes", differing[0], differing[1]))
        .contains(results.value("host JVM (jar)"))
        .contains(results.value("image JVM (container*)"));
  }

  /** Issue 12's goal for the image to run: at most 0.45 times plain java -jar, in one run. */
  @Test
  void theReadmeSaysWhetherTheGoalWasMetAsTheRatioShows() throws IOException {
    String ratio = BenchResults.read().ratio("container-cds");
    String verdict =
        new BigDecimal(ratio).compareTo(new BigDecimal("0.45")) <= 0 ? "met" : "not met";

    assertThat(Files.readString(README))
        .contains("≤ 0.45× plain `java -jar`: **" + verdict + "** at " + ratio + "×");
  }

  private static String rowOf(String variant) throws IOException {
    List<String> rows =
        Files.readAllLines(README).stream()
            .filter(line -> line.startsWith("| `" + variant + "`"))
            .toList();
    assertThat(rows).as("README rows starting | `%s`", variant).hasSize(1);
    return rows.get(0);
  }
}
