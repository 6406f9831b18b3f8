package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The README's container-image and memory figures are what {@code AppCdsBenchmark} wrote to {@code
 * results/appcds.txt} and {@code MemoryBenchmark} to {@code results/memory.txt}, and the heap it
 * states is the one the managed runtime derives from {@code template.yaml}'s {@code MemorySize}.
 */
class AppCdsAndMemoryFiguresTest {

  private static final Path APPCDS = Path.of("results", "appcds.txt");
  private static final Path README = Path.of("README.md");

  /** The README's words for each function, and the results' keys. */
  private static final Map<String, String> ROWS =
      Map.of(
          "lean", "lean handler, `LeanAdvisorHandler`", "spring", "Spring path, `FunctionInvoker`");

  @Test
  void imageTableIsTheBenchmarksMediansAndRatios() throws IOException {
    Map<String, Long> m = appCdsMedians();
    String readme = Files.readString(README);

    for (Map.Entry<String, String> row : ROWS.entrySet()) {
      String key = row.getKey();
      assertThat(readme)
          .as("the row of %s, from %s", key, APPCDS)
          .contains(
              "| "
                  + row.getValue()
                  + " | "
                  + pair(m, key, "zip")
                  + " ms | "
                  + pair(m, key, "image")
                  + " ms | "
                  + ratio(m, key, 1)
                  + "× / "
                  + ratio(m, key, 2)
                  + "× | "
                  + cpuRatio(m, key, 1)
                  + "× / "
                  + cpuRatio(m, key, 2)
                  + "× |");
    }
  }

  @Test
  void imageVerdictFollowsFromTheRatios() throws IOException {
    Map<String, Long> m = appCdsMedians();
    boolean twiceAsFast =
        ROWS.keySet().stream()
            .allMatch(key -> zipOverImage(m, key, 1) >= 2 && zipOverImage(m, key, 2) >= 2);
    String readme = oneLine(Files.readString(README));

    assertThat(readme)
        .as("the verdict the README draws from %s", APPCDS)
        .contains(
            twiceAsFast
                ? "The container image starts at least twice as fast"
                : "The container image does not start twice as fast");
  }

  @Test
  void memoryTableIsTheBenchmarksMedians() throws IOException {
    Map<String, Long> rss = MemorySizeTest.medianRssKib();
    String readme = Files.readString(README);

    for (Map.Entry<String, String> row : ROWS.entrySet()) {
      assertThat(readme)
          .contains(
              "| "
                  + row.getValue()
                  + " | "
                  + String.format(Locale.ROOT, "%,d", Math.round(rss.get(row.getKey()) / 1024.0))
                  + " MiB |");
    }
  }

  @Test
  void statedHeapIsTheOneTheTemplatesMemorySizeGives() throws IOException {
    int memoryMb =
        MemorySizeTest.memorySize(
            YAMLMapper.builder().build().readTree(Path.of("template.yaml").toFile()),
            "LeanFunction");

    assertThat(oneLine(Files.readString(README)))
        .contains(
            "`MemorySize: "
                + memoryMb
                + "` gives `-XX:MaxHeapSize="
                + EmulatedFunction.Jit.maxHeapKib(memoryMb)
                + "k`");
  }

  private static String pair(Map<String, Long> m, String key, String packaging) {
    return String.format(
        Locale.ROOT, "%,d / %,d", median(m, key, packaging, 1), median(m, key, packaging, 2));
  }

  private static double zipOverImage(Map<String, Long> m, String key, int round) {
    return (double) median(m, key, "zip", round) / median(m, key, "image", round);
  }

  private static String ratio(Map<String, Long> m, String key, int round) {
    return String.format(Locale.ROOT, "%.2f", zipOverImage(m, key, round));
  }

  private static String cpuRatio(Map<String, Long> m, String key, int round) {
    return String.format(
        Locale.ROOT,
        "%.2f",
        (double) median(m, "cpu\t" + key, "zip", round) / median(m, "cpu\t" + key, "image", round));
  }

  private static long median(Map<String, Long> m, String key, String packaging, int round) {
    Long median = m.get(key + "\t" + packaging + "\t" + round);
    assertThat(median).as("%s %s round %d in %s", key, packaging, round, APPCDS).isNotNull();
    return median;
  }

  /**
   * key, packaging, round → wall-clock median, and the same prefixed "cpu" → the JVM's CPU median,
   * from the results file's tab-separated lines.
   */
  private static Map<String, Long> appCdsMedians() throws IOException {
    Map<String, Long> medians = new LinkedHashMap<>();
    for (String line : Files.readAllLines(APPCDS)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      List<String> cells = List.of(line.split("\t"));
      String key = cells.get(0) + "\t" + cells.get(1) + "\t" + cells.get(2);
      // key, packaging, round, answered runs, median, failed runs, CPU runs, CPU median
      if (!cells.get(4).equals("-")) {
        medians.put(key, Long.parseLong(cells.get(4)));
        medians.put("cpu\t" + key, Long.parseLong(cells.get(7)));
      }
    }
    return medians;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
