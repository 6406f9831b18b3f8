package com.example.inframodels.comparison;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What one run is told, from system properties (the Maven profile passes them on).
 *
 * @param repository the repository's root, where each module's {@code target/} is read
 * @param output where the JSON, the table and the charts are written
 * @param runs fresh starts per cold-start figure, and repeats of the other fast figures (≥ 5)
 * @param scfSample Spring Cloud Function's {@code function-sample-aws} jar, if built locally
 * @param only section names to run (all when empty): for trying one section
 * @param publish also copy the results to {@code comparison/results/} and the root README
 */
public record Options(
    Path repository,
    Path output,
    int runs,
    Optional<Path> scfSample,
    java.util.Set<String> only,
    boolean publish) {

  static final int MIN_RUNS = 5;

  public static Options fromSystemProperties() {
    Path repository = Path.of(System.getProperty("comparison.repository", "..")).toAbsolutePath();
    Path output =
        Path.of(System.getProperty("comparison.output", "target/comparison")).toAbsolutePath();
    int runs = Integer.parseInt(System.getProperty("comparison.runs", "5"));
    if (runs < MIN_RUNS) {
      throw new IllegalArgumentException(
          "comparison.runs is " + runs + ": a median and spread need at least " + MIN_RUNS);
    }
    Optional<Path> sample =
        Optional.ofNullable(System.getProperty("comparison.scf-sample"))
            .filter(value -> !value.isBlank())
            .map(Path::of)
            .map(Path::toAbsolutePath);
    java.util.Set<String> only =
        java.util.Set.of(System.getProperty("comparison.only", "").split(",")).stream()
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .collect(java.util.stream.Collectors.toSet());
    boolean publish = Boolean.parseBoolean(System.getProperty("comparison.publish", "false"));
    return new Options(repository, output, runs, sample, only, publish);
  }

  /** A path inside one module of the repository, e.g. {@code module("container-jib")}. */
  public Path module(String name) {
    return repository.resolve(name);
  }
}
