package com.example.inframodels.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's results go: {@code comparison.json}, {@code comparison.md} and the charts in the
 * output directory; on request, also into {@code comparison/results/} and between the markers of
 * the root README, which is how the committed copies are made (never by hand: {@code
 * PublishedResultsTest} checks them against the JSON).
 */
final class Published {

  static final String JSON = "comparison.json";
  static final String TABLE = "comparison.md";
  static final String BEGIN =
      "<!-- comparison:begin (written by the comparison run; do not edit) -->";
  static final String END = "<!-- comparison:end -->";

  /** Where the committed results live, relative to the repository's root. */
  static final String COMMITTED = "comparison/results";

  private final List<Path> files;

  private Published(List<Path> files) {
    this.files = files;
  }

  static Published write(Results results, Path output) throws IOException {
    List<Path> files = new ArrayList<>();
    Path json = output.resolve(JSON);
    results.write(json);
    files.add(json);
    files.add(Comparison.writeString(output.resolve(TABLE), MarkdownTable.render(results)));
    files.addAll(Charts.write(results, output));
    return new Published(files);
  }

  String describe() {
    return String.join(", ", files.stream().map(Path::toString).toList());
  }

  /** Copies the output into {@code comparison/results/} and the README's block. */
  static void publish(Results results, Path output, Path repository) throws IOException {
    Path committed = repository.resolve(COMMITTED);
    Files.createDirectories(committed);
    List<String> names = new ArrayList<>(List.of(JSON, TABLE));
    names.addAll(Charts.FILES);
    for (String name : names) {
      Files.copy(
          output.resolve(name), committed.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    Path readme = repository.resolve("README.md");
    Files.writeString(readme, withBlock(Files.readString(readme), readmeBlock(results)));
  }

  /** What the root README shows between its markers: the table and the three charts. */
  static String readmeBlock(Results results) {
    return MarkdownTable.render(results)
        + "\n"
        + "![Launch to first 200, per model and packaging]("
        + COMMITTED
        + "/cold-start.png)\n"
        + "![Resident memory after warm-up]("
        + COMMITTED
        + "/memory.png)\n"
        + "![Monthly cost of the reference workloads per model]("
        + COMMITTED
        + "/cost.png)\n"
        + "\n"
        + "Raw figures, every run: [`"
        + COMMITTED
        + "/"
        + JSON
        + "`]("
        + COMMITTED
        + "/"
        + JSON
        + ").\n";
  }

  /** {@code readme} with the text between the markers replaced by {@code block}. */
  static String withBlock(String readme, String block) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException("README.md has no " + BEGIN + " … " + END + " block");
    }
    return readme.substring(0, begin + BEGIN.length()) + "\n" + block + readme.substring(end);
  }

  /** The text between the markers, as {@link #withBlock} wrote it. */
  static String block(String readme) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException("README.md has no " + BEGIN + " … " + END + " block");
    }
    return readme.substring(begin + BEGIN.length() + 1, end);
  }
}
