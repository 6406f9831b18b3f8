package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code template.yaml}'s memory against what {@code MemoryBenchmark} measured in {@code
 * results/memory.txt}: each function's {@code MemorySize} must hold the runtime's resident memory
 * after warm-up {@value #MARGIN} times over, since the heap the managed runtime allows (85% of
 * {@code MemorySize}) grows between collections and a larger request than the contract's needs
 * more.
 */
class MemorySizeTest {

  static final Path RESULTS = Path.of("results", "memory.txt");
  static final int MARGIN = 2;

  /** The template's functions and the handler each runs, as the results file names them. */
  private static final Map<String, String> FUNCTIONS =
      Map.of("LeanFunction", "lean", "SpringFunction", "spring");

  @Test
  void eachFunctionsMemorySizeHoldsItsMeasuredResidentMemoryWithMargin() throws IOException {
    JsonNode template = YAMLMapper.builder().build().readTree(Path.of("template.yaml").toFile());
    Map<String, Long> rssKib = medianRssKib();

    assertThat(rssKib).containsOnlyKeys(FUNCTIONS.values());
    FUNCTIONS.forEach(
        (function, handler) -> {
          int memoryMb = memorySize(template, function);
          assertThat(memoryMb * 1024L)
              .as(
                  "%s: MemorySize %d MB against %d KiB resident after warm-up, %d× over",
                  function, memoryMb, rssKib.get(handler), MARGIN)
              .isGreaterThanOrEqualTo(MARGIN * rssKib.get(handler));
        });
  }

  @Test
  void benchmarkMeasuredWithTheTemplatesMemorySize() throws IOException {
    JsonNode template = YAMLMapper.builder().build().readTree(Path.of("template.yaml").toFile());

    assertThat(Files.readString(RESULTS))
        .as("the managed runtime's JVM flags, heap included, for the template's MemorySize")
        .contains(
            EmulatedFunction.Jit.MANAGED_RUNTIME.describe(memorySize(template, "LeanFunction")))
        .contains(
            EmulatedFunction.Jit.MANAGED_RUNTIME.describe(memorySize(template, "SpringFunction")));
  }

  /** The function's own MemorySize, else the Globals' one. */
  static int memorySize(JsonNode template, String function) {
    JsonNode own = template.path("Resources").path(function).path("Properties").path("MemorySize");
    JsonNode size =
        own.isMissingNode() ? template.path("Globals").path("Function").path("MemorySize") : own;
    assertThat(size.isNumber()).as("%s has a MemorySize", function).isTrue();
    return size.asInt();
  }

  /** handler → median VmRSS, from the results file's "median" lines. */
  static Map<String, Long> medianRssKib() throws IOException {
    Map<String, Long> medians = new LinkedHashMap<>();
    for (String line : Files.readAllLines(RESULTS)) {
      List<String> cells = List.of(line.split("\t"));
      if (cells.size() == 3 && cells.get(0).equals("median")) {
        medians.put(cells.get(1), Long.parseLong(cells.get(2)));
      }
    }
    return medians;
  }
}
