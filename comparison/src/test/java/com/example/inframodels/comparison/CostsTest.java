package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.catalogue.PriceCatalogues;
import com.example.inframodels.core.estimate.Estimator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostsTest {

  private final List<Figure> figures = new ArrayList<>();

  @Test
  void pricesEachReferenceWorkloadOnAllFourModels_withTheAdvisorsOwnFigures() throws Exception {
    record(new Costs());

    Estimator estimator = new Estimator(PriceCatalogues.bundled());
    assertThat(figures)
        .hasSize(Costs.WORKLOADS.size() * 4)
        .allMatch(f -> f.metric() == Metric.COST);
    for (Costs.Reference reference : Costs.WORKLOADS) {
      for (InfrastructureModel model : InfrastructureModel.values()) {
        double expected =
            estimator.estimate(reference.workload()).option(model).monthlyUsd().doubleValue();
        assertThat(figures)
            .filteredOn(
                f -> f.subject().equals(reference.name()) && f.model() == Costs.MODELS.get(model))
            .singleElement()
            .extracting(Figure::median)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void spansTheStoryTheTableTells_serverlessCheapestSmallAnAlwaysOnModelCheapestAtSteadyVolume()
      throws Exception {
    record(new Costs());

    assertThat(cheapest(Costs.WORKLOADS.get(0).name())).isEqualTo(Model.SERVERLESS);
    assertThat(cheapest(Costs.WORKLOADS.get(2).name()))
        .as("capacity kept busy is cheaper than paying per request")
        .isNotEqualTo(Model.SERVERLESS);
  }

  private Model cheapest(String workload) {
    return figures.stream()
        .filter(f -> f.subject().equals(workload))
        .min(java.util.Comparator.comparingDouble(Figure::median))
        .orElseThrow()
        .model();
  }

  private void record(Section section) throws Exception {
    Recorded recorded = new Recorded();
    for (Step step : section.steps(null)) {
      step.action().run(recorded);
    }
    assertThat(recorded.skipped).as("nothing to skip in %s", section.name()).isEmpty();
    figures.addAll(recorded.figures);
  }
}
