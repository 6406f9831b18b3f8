package com.example.inframodels.core.estimate;

import java.math.BigDecimal;

/**
 * What would be bought: {@code quantity} of {@code unit}, each of {@code size}.
 *
 * @param unit what is counted: instance, server, task, or GB-second
 * @param quantity how many
 * @param size one unit's size, such as {@code m7i.large} or {@code 1 vCPU / 2 GB}
 * @param description the same in a sentence
 */
public record Capacity(String unit, BigDecimal quantity, String size, String description) {}
