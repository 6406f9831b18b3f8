package com.example.inframodels.comparison;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.catalogue.PriceCatalogues;
import com.example.inframodels.core.estimate.Architecture;
import com.example.inframodels.core.estimate.BareMetalOffer;
import com.example.inframodels.core.estimate.Estimate;
import com.example.inframodels.core.estimate.Estimator;
import com.example.inframodels.core.estimate.ModelCost;
import com.example.inframodels.core.estimate.Workload;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The price side, from the advisor itself (app-core's estimator and its bundled catalogue): five
 * reference workloads priced on all four models, so that the measured starts sit beside what each
 * model costs.
 */
final class Costs implements Section {

  /** A workload the table prices, with the name its row gets. */
  record Reference(String name, Workload workload) {}

  /**
   * Small: a side project, 100 thousand requests a month. Medium: 10 million, with the peak derived
   * (3× the average rate). Steady high volume: a billion a month with the peak held at the average
   * rate (about 386 per second), i.e. capacity that is kept busy. Then the small one twice more, as
   * the request's two choices change it: on Arm (Graviton), and with bare metal priced as a rented
   * dedicated server instead of the cloud's bare-metal instances.
   */
  static final List<Reference> WORKLOADS =
      List.of(
          new Reference("small: 100 k requests/month", Workload.of(100_000, "120", 512)),
          new Reference("medium: 10 M requests/month", Workload.of(10_000_000, "120", 512)),
          new Reference(
              "steady high volume: 1 G requests/month at 386/s",
              new Workload(1_000_000_000L, new BigDecimal("120"), 512, new BigDecimal("386"))),
          new Reference(
              "small on Arm (arm64)", Workload.of(100_000, "120", 512).on(Architecture.ARM64)),
          new Reference(
              "small, bare metal rented (dedicated)",
              Workload.of(100_000, "120", 512).pricingBareMetalAs(BareMetalOffer.DEDICATED)));

  static final Map<InfrastructureModel, Model> MODELS =
      Map.of(
          InfrastructureModel.BARE_METAL, Model.BARE_METAL,
          InfrastructureModel.VIRTUAL_MACHINE, Model.VIRTUAL_MACHINE,
          InfrastructureModel.CONTAINER, Model.CONTAINER,
          InfrastructureModel.SERVERLESS, Model.SERVERLESS);

  @Override
  public String name() {
    return "costs";
  }

  @Override
  public List<Step> steps(Options options) {
    return List.of(
        new Step(
            "monthly cost of " + WORKLOADS.size() + " reference workloads",
            Duration.ofSeconds(1),
            recorder -> {
              Estimator estimator = new Estimator(PriceCatalogues.bundled());
              for (Reference reference : WORKLOADS) {
                Estimate estimate = estimator.estimate(reference.workload());
                for (ModelCost cost : estimate.options()) {
                  recorder.figure(
                      Figure.once(
                          Metric.COST,
                          MODELS.get(cost.model()),
                          reference.name(),
                          cost.monthlyUsd().doubleValue(),
                          cost.capacity().description()
                              + " (120 ms, 512 MB per request; prices "
                              + estimate.priceCatalogue()
                              + ")"));
                }
              }
            }));
  }
}
