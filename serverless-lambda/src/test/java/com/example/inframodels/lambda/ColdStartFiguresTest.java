package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's cold-start table is what {@code ColdStartBenchmark --compare} wrote to {@code
 * results/cold-start.txt}: each cell's two medians, round 1 / round 2, for its function and JIT;
 * and the figures the READMEs work out from them.
 */
class ColdStartFiguresTest {

  private static final Path RESULTS = Path.of("results", "cold-start.txt");
  private static final Path README = Path.of("README.md");

  /** The table's rows, by the words that name each function there, and the results' keys. */
  private static final Map<String, String> ROWS =
      Map.of(
          "(the floor)",
          "floor",
          "**lean handler**",
          "lean",
          "**Spring path**",
          "spring",
          "**`function-sample-aws`**",
          "sample");

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

  /**
   * The sentences under the table and the figures quoted elsewhere, worked out from the same
   * medians: the lean handler over the floor and the Spring path over Spring Cloud Function's
   * sample (the goals, as the managed runtime starts the JVM; the sample with no JVM options too),
   * the managed runtime's saving (1 - managed / no options, per round), the Spring path over the
   * lean handler, and round 1's managed-runtime medians in seconds.
   */
  @Test
  void figuresQuotedInProseAreWorkedOutFromTheMedians() throws IOException {
    Map<String, Long> m = medians(Files.readAllLines(RESULTS));
    String readme = oneLine(Files.readString(README));

    assertThat(readme)
        .contains(
            "takes "
                + saving(m, "lean", 1)
                + "% / "
                + saving(m, "lean", 2)
                + "% off the lean handler's cold start and "
                + saving(m, "spring", 1)
                + "% / "
                + saving(m, "spring", 2)
                + "% off the Spring path's")
        .contains(
            "Spring path against the lean handler, as deployed: **"
                + ratio(m, "spring", "lean", "MANAGED_RUNTIME", 1)
                + "×** / **"
                + ratio(m, "spring", "lean", "MANAGED_RUNTIME", 2)
                + "×**")
        .contains(
            "Lean handler against the floor: **"
                + ratio(m, "lean", "floor", "MANAGED_RUNTIME", 1)
                + "×** / **"
                + ratio(m, "lean", "floor", "MANAGED_RUNTIME", 2)
                + "×** as the managed runtime starts the JVM")
        .contains(
            "Spring path against Spring Cloud Function's sample: **"
                + hundredths(m, "spring", "sample", "MANAGED_RUNTIME", 1)
                + "×** / **"
                + hundredths(m, "spring", "sample", "MANAGED_RUNTIME", 2)
                + "×** as the managed runtime starts the JVM, "
                + hundredths(m, "spring", "sample", "JVM_DEFAULT", 1)
                + "× / "
                + hundredths(m, "spring", "sample", "JVM_DEFAULT", 2)
                + "× with no JVM options")
        .contains(seconds(m, "lean") + " against " + seconds(m, "spring") + " as the managed");
  }

  private static long median(Map<String, Long> m, String key, String jit, int round) {
    Long median = m.get(key + "\t" + jit + "\t" + round);
    assertThat(median).as("%s %s round %d in %s", key, jit, round, RESULTS).isNotNull();
    return median;
  }

  private static long saving(Map<String, Long> m, String key, int round) {
    return Math.round(
        100.0
            * (1
                - (double) median(m, key, "MANAGED_RUNTIME", round)
                    / median(m, key, "JVM_DEFAULT", round)));
  }

  private static String ratio(Map<String, Long> m, String a, String b, String jit, int round) {
    return quotient(m, a, b, jit, round, "%.1f");
  }

  private static String hundredths(Map<String, Long> m, String a, String b, String jit, int round) {
    return quotient(m, a, b, jit, round, "%.2f");
  }

  private static String quotient(
      Map<String, Long> m, String a, String b, String jit, int round, String format) {
    return String.format(
        Locale.ROOT, format, (double) median(m, a, jit, round) / median(m, b, jit, round));
  }

  private static String seconds(Map<String, Long> m, String key) {
    return String.format(Locale.ROOT, "%.2f s", median(m, key, "MANAGED_RUNTIME", 1) / 1000.0);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
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
      assertThat(fields[4])
          .as("a median, which only answered runs make: %s", line)
          .isNotEqualTo("-");
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
