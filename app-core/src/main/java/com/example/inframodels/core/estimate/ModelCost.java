package com.example.inframodels.core.estimate;

import com.example.inframodels.core.InfrastructureModel;
import java.math.BigDecimal;
import java.util.List;

/**
 * One model's monthly bill for a workload.
 *
 * @param monthlyUsd rounded to the cent
 * @param assumptions what the figure rests on, in words
 */
public record ModelCost(
    InfrastructureModel model,
    BigDecimal monthlyUsd,
    Capacity capacity,
    List<String> assumptions) {}
