package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed results are one run's, untouched: the table in {@code comparison/results/} and in
 * the root README is exactly what the committed JSON renders to, the charts are there, and the run
 * measured every model from a clean checkout.
 */
class PublishedResultsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path COMMITTED = ROOT.resolve(Published.COMMITTED);

  private final Results results = read();

  @Test
  void committedTableIsTheOneTheCommittedJsonRendersTo() throws IOException {
    assertThat(Files.readString(COMMITTED.resolve(Published.TABLE)))
        .as("comparison/results/comparison.md is written by the run; edit nothing by hand")
        .isEqualTo(MarkdownTable.render(results));
  }

  @Test
  void rootReadmeShowsTheCommittedTableAndCharts() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));

    assertThat(Published.block(readme))
        .as("README.md's comparison block: rerun with -Dcomparison.publish=true to rewrite it")
        .isEqualTo(Published.readmeBlock(results));
  }

  @Test
  void committedChartsAreThere() throws IOException {
    for (String chart : Charts.FILES) {
      BufferedImage image = ImageIO.read(COMMITTED.resolve(chart).toFile());
      assertThat(image).as(chart).isNotNull();
      assertThat(image.getWidth()).as(chart).isEqualTo(Charts.WIDTH);
    }
  }

  @Test
  void committedRunMeasuredEveryModelFromACleanCheckout() {
    Set<Model> started =
        results.figures().stream()
            .filter(f -> f.metric() == Metric.COLD_START)
            .map(Figure::model)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Model.class)));

    assertThat(results.stamp().commit()).doesNotEndWith("-dirty").doesNotStartWith("unknown");
    assertThat(results.failures()).as("steps that failed in the committed run").isEmpty();
    assertThat(started).containsAll(EnumSet.allOf(Model.class));
    assertThat(results.runs()).isGreaterThanOrEqualTo(Options.MIN_RUNS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"baremetal-systemd", "vm-packer", "container-jib", "serverless-lambda"})
  void everyPackagingsReadmePointsToTheCommittedFigures(String module) throws IOException {
    assertThat(Files.readString(ROOT.resolve(module).resolve("README.md")))
        .as("%s/README.md points to the side-by-side figures instead of restating them", module)
        .contains("](../" + Published.COMMITTED + "/" + Published.TABLE + ")")
        .contains("](../" + Published.COMMITTED + "/" + Published.JSON + ")");
  }

  private static Results read() {
    try {
      return Results.read(COMMITTED.resolve(Published.JSON));
    } catch (IOException e) {
      throw new AssertionError("no committed results at " + COMMITTED, e);
    }
  }
}
