package com.example.inframodels.comparison;

import java.util.List;

/** A small run's results, hand-made, for the tests of what is written from results. */
final class SampleResults {

  private SampleResults() {}

  static Results sample() {
    return new Results(
        5,
        new Stamp(
            "2026-12-02T18:00:00Z",
            "0123456789ab",
            "Test CPU, 2 cores, 23 GiB",
            "Debian GNU/Linux 12 (bookworm), Linux 6.1",
            "OpenJDK 64-Bit Server VM 17.0.15",
            "0.50 at start, 1.20 at the end",
            "./mvnw -Pcompare -pl comparison -am verify -DskipTests",
            1830),
        List.of(
            new Figure(
                Metric.COLD_START,
                Model.SERVERLESS,
                "lean handler",
                List.of(250.0, 240.0, 300.0, 260.0, 255.0),
                ""),
            Figure.once(Metric.SIZE, Model.BARE_METAL, "fat JAR", 22.31, "file size"),
            new Figure(
                Metric.COLD_START,
                Model.BARE_METAL,
                "fat JAR",
                List.of(7300.0, 7100.0, 7500.0, 7200.0, 7400.0),
                ""),
            new Figure(
                Metric.MEMORY,
                Model.BARE_METAL,
                "fat JAR",
                List.of(229.0, 230.0, 228.0, 231.0, 229.0),
                ""),
            new Figure(
                Metric.COLD_START,
                Model.REFERENCE,
                References.JVM_FLOOR,
                List.of(40.0, 41.0, 39.0, 42.0, 40.0),
                ""),
            Figure.once(Metric.LAYER_SIZE, Model.CONTAINER, "base", 108.2, ""),
            Figure.once(Metric.COST, Model.BARE_METAL, "small", 2978.0, ""),
            Figure.once(Metric.COST, Model.VIRTUAL_MACHINE, "small", 140.5, ""),
            Figure.once(Metric.COST, Model.CONTAINER, "small", 36.04, ""),
            Figure.once(Metric.COST, Model.SERVERLESS, "small", 0.12, "")),
        List.of(
            new Skipped(
                null, Model.VIRTUAL_MACHINE, "baked image", "qemu-system-x86_64 not on PATH"),
            new Skipped(
                Metric.MEMORY, Model.SERVERLESS, "lean handler", "not read through the emulator")),
        List.of());
  }
}
