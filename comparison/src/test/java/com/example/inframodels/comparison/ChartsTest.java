package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

  @Test
  void drawsTheThreeChartsAsPngs(@TempDir Path dir) throws Exception {
    List<Path> charts = Charts.write(SampleResults.sample(), dir);

    assertThat(charts)
        .extracting(path -> path.getFileName().toString())
        .containsExactlyElementsOf(Charts.FILES);
    for (Path chart : charts) {
      BufferedImage image = ImageIO.read(chart.toFile());
      assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
      assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
      assertThat(colours(image)).as("a chart, not a blank image: %s", chart).isGreaterThan(3);
    }
  }

  @Test
  void drawsOneBarPerPackagingThatHasTheMetric_colouredByModel() {
    var chart = Charts.perPackaging(SampleResults.sample(), Metric.COLD_START, "t", true);

    var data = chart.getCategoryPlot().getDataset();
    assertThat(data.getColumnKeys())
        .containsExactly(
            "Bare metal: fat JAR",
            "Serverless: lean handler",
            "Reference: " + References.JVM_FLOOR);
    assertThat(chart.getCategoryPlot().getRenderer().getItemPaint(0, 1))
        .isEqualTo(Charts.COLOURS.get(Model.SERVERLESS));
  }

  private static long colours(BufferedImage image) {
    return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
        .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
        .distinct()
        .limit(10)
        .count();
  }
}
