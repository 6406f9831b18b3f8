package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's cold-start table is what {@code ColdStartBenchmark --compare} wrote to {@code
 * results/cold-start.txt}: each cell's two medians, round 1 / round 2, for its function and JIT.
 */
class ColdStartFiguresTest {

  private static final Path RESULTS = Path.of("results", "cold-start.txt");
  private static final Path README = Path.of("README.md");

  /** The table's rows, by the words that name each function there, and the results' keys. */
  private static final Map<String, String> ROWS =
      Map.of("(the floor)", "floor", "**lean handler**", "lean", "**Spring path**", "spring");

  private static final Pattern CELL = Pattern.compile("^([0-9,]+) / ([0-9,]+) ms$");

  @Test
  void readmeTableIsTheBenchmarksMedians() throws IOException {
    Map<String, Long> medians = medians(Files.readAllLines(RESULTS));
    Map<String, Long> table = new LinkedHashMap<>();

    for (String line : coldStartSection(Files.readString(README)).lines().toList()) {
      String[] cells = line.split("\\|");
      if (cells.length < 4) {
        continue;
      }
      ROWS.forEach(
          (words, key) -> {
            if (cells[1].contains(words)) {
              put(table, key + "\tMANAGED_RUNTIME", cells[2].strip());
              put(table, key + "\tJVM_DEFAULT", cells[3].strip());
            }
          });
    }

    assertThat(table)
        .as("every function under both JITs, as %s has them", RESULTS)
        .hasSize(ROWS.size() * 2 * 2)
        .isEqualTo(medians);
  }

  private static void put(Map<String, Long> table, String key, String cell) {
    Matcher figures = CELL.matcher(cell);
    assertThat(figures.matches()).as("a cell of two medians: %s", cell).isTrue();
    table.put(key + "\t1", Long.parseLong(figures.group(1).replace(",", "")));
    table.put(key + "\t2", Long.parseLong(figures.group(2).replace(",", "")));
  }

  /** key, JIT, round → median, from the results file's tab-separated lines. */
  private static Map<String, Long> medians(List<String> lines) {
    Map<String, Long> medians = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t");
      medians.put(fields[0] + "\t" + fields[1] + "\t" + fields[2], Long.parseLong(fields[4]));
    }
    return medians;
  }

  private static String coldStartSection(String readme) {
    int start = readme.indexOf("### Cold starts, measured");
    assertThat(start).as("the README's cold-start section").isNotNegative();
    int end = readme.indexOf("\n## ", start);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }
}
