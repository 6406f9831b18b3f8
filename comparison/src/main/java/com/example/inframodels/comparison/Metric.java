package com.example.inframodels.comparison;

/** What a figure measures, in which unit, and whether a smaller value is better. */
public enum Metric {
  SIZE("Artifact", "MB"),
  LAYER_SIZE("Image layer", "MB"),
  COLD_START("Launch to first 200 on /runtime", "ms"),
  MEMORY("Resident memory after warm-up", "MiB"),
  /** The whole container (its cgroup) or VM (the qemu process), where it can be read. */
  ENVELOPE_MEMORY("Container or VM memory", "MiB"),
  LATENCY_P50("POST /estimate p50", "ms"),
  LATENCY_P99("POST /estimate p99", "ms"),
  THROUGHPUT("POST /estimate throughput", "req/s"),
  RESTART("kill -9 to first 200", "ms"),
  COST("Monthly cost", "USD");

  public final String title;
  public final String unit;

  Metric(String title, String unit) {
    this.title = title;
    this.unit = unit;
  }
}
