package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublishedTest {

  private static final String README =
      "# t\n\nbefore\n" + Published.BEGIN + "\nold table\n" + Published.END + "\nafter\n";

  @Test
  void replacesOnlyWhatIsBetweenTheMarkers() {
    String updated = Published.withBlock(README, "new table\n");

    assertThat(updated)
        .isEqualTo(
            "# t\n\nbefore\n" + Published.BEGIN + "\nnew table\n" + Published.END + "\nafter\n");
    assertThat(Published.block(updated)).isEqualTo("new table\n");
  }

  @Test
  void refusesAReadmeWithoutTheMarkers() {
    assertThatThrownBy(() -> Published.withBlock("# no markers\n", "x"))
        .hasMessageContaining("comparison:begin");
  }

  @Test
  void showsTheChartsAndLinksTheRawFigures_belowTheTable() {
    String block = Published.readmeBlock(SampleResults.sample());

    assertThat(block)
        .startsWith(MarkdownTable.render(SampleResults.sample()))
        .contains("](comparison/results/cold-start.png)")
        .contains("](comparison/results/memory.png)")
        .contains("](comparison/results/cost.png)")
        .contains("(comparison/results/comparison.json)");
  }
}
