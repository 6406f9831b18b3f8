package com.example.inframodels.core.estimate;

import com.example.inframodels.core.InfrastructureModel;

/**
 * The monthly volume from which an always-on model costs no more than serverless.
 *
 * @param requestsPerMonth the first such volume, or {@code null} when there is none
 * @param alwaysOnModel the cheapest always-on model at that volume (at the workload's volume when
 *     there is none)
 * @param explanation the same in a sentence
 */
public record BreakEven(
    Long requestsPerMonth, InfrastructureModel alwaysOnModel, String explanation) {}
