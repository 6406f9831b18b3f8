package com.example.inframodels.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What bench/first-response.sh wrote into bench/results.txt, read back for the README's checks. */
record BenchResults(List<String> lines) {

  static final Path FILE = Path.of("bench/results.txt");

  private static final Pattern MEDIAN =
      Pattern.compile(
          "median (\\S+): (\\d+) ms of (\\d+) runs, rss (\\d+) MB, outside the heap (\\d+) MB"
              + " \\(max (\\d+) MB\\)");
  private static final Pattern RATIO = Pattern.compile("ratio (\\S+)/jar: (\\d+\\.\\d+)");
  private static final Pattern DETERMINISM =
      Pattern.compile("archive determinism: .*: (\\d+) of (\\d+) bytes differ");

  /** One variant's medians: to the first 200, resident memory, and what lies outside the heap. */
  record Median(
      String variant, int millis, int runs, int rssMb, int outsideHeapMb, int maxOutsideHeapMb) {}

  static BenchResults read() throws IOException {
    return new BenchResults(Files.readAllLines(FILE));
  }

  Median median(String variant) {
    return lines.stream()
        .map(MEDIAN::matcher)
        .filter(Matcher::matches)
        .filter(m -> m.group(1).equals(variant))
        .findFirst()
        .map(
            m ->
                new Median(
                    variant,
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6))))
        .orElseThrow(() -> new AssertionError("no median of " + variant + " in " + FILE));
  }

  /** The ratio as the script printed it, two decimals, to plain {@code java -jar}. */
  String ratio(String variant) {
    return find(RATIO, m -> m.group(1).equals(variant))
        .map(m -> m.group(2))
        .orElseThrow(() -> new AssertionError("no ratio of " + variant + " in " + FILE));
  }

  /** Bytes that differ between two dumps of one class list, and the archive's size. */
  long[] archiveBytesDiffering() {
    Matcher m =
        find(DETERMINISM, any -> true)
            .orElseThrow(() -> new AssertionError("no archive determinism line in " + FILE));
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
  }

  /** The text after "PREFIX: " on the line that starts with it. */
  String value(String prefix) {
    return lines.stream()
        .filter(line -> line.startsWith(prefix + ": "))
        .findFirst()
        .map(line -> line.substring(prefix.length() + 2))
        .orElseThrow(() -> new AssertionError("no line \"" + prefix + ":\" in " + FILE));
  }

  private Optional<Matcher> find(Pattern pattern, Predicate<Matcher> which) {
    return lines.stream().map(pattern::matcher).filter(Matcher::find).filter(which).findFirst();
  }
}
