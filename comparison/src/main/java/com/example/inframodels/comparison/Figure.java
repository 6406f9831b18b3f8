package com.example.inframodels.comparison;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured quantity: what ({@code metric}), on which model and packaging ({@code subject}, one
 * row of the table), every run's value in the metric's unit, and a note on how it was taken.
 *
 * @param runs each run's value, in the order taken; one value for a figure taken once
 * @param note how it was measured, in words a reader of the table needs (may be empty)
 */
// median, min and max are written for readers of the JSON, and derived again when it is read.
@JsonIgnoreProperties(
    value = {"median", "min", "max"},
    allowGetters = true)
public record Figure(Metric metric, Model model, String subject, List<Double> runs, String note) {

  public Figure {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a figure needs at least one run: " + subject);
    }
    runs = List.copyOf(runs);
    note = note == null ? "" : note;
  }

  public static Figure once(Metric metric, Model model, String subject, double value, String note) {
    return new Figure(metric, model, subject, List.of(value), note);
  }

  /** The median of the runs (the mean of the middle two for an even count). */
  @JsonProperty
  public double median() {
    List<Double> sorted = sorted();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  @JsonProperty
  public double min() {
    return sorted().get(0);
  }

  @JsonProperty
  public double max() {
    return sorted().get(runs.size() - 1);
  }

  private List<Double> sorted() {
    List<Double> sorted = new ArrayList<>(runs);
    sorted.sort(null);
    return sorted;
  }
}
