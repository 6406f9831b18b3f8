package com.example.inframodels.core.estimate;

import com.example.inframodels.core.InfrastructureModel;
import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to "what would this workload cost on each model?".
 *
 * @param workload the workload as priced
 * @param peakRequestsPerSecond the peak used: given, or derived from the monthly rate
 * @param peakConcurrency requests in flight at the peak (Little's law)
 * @param options one cost per model, in {@link InfrastructureModel} order
 * @param cheapest the model with the lowest monthly cost
 * @param breakEven where serverless and the cheapest always-on model meet
 * @param priceCatalogue version of the prices used
 * @param assumptions what every figure rests on
 */
public record Estimate(
    Workload workload,
    BigDecimal peakRequestsPerSecond,
    BigDecimal peakConcurrency,
    List<ModelCost> options,
    InfrastructureModel cheapest,
    BreakEven breakEven,
    String priceCatalogue,
    List<String> assumptions) {

  /** The option for one model. */
  public ModelCost option(InfrastructureModel model) {
    return options.stream()
        .filter(o -> o.model() == model)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no option for " + model));
  }
}
