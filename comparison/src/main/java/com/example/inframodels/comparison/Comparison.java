package com.example.inframodels.comparison;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness: runs every section's steps in one process, one after the other, and writes {@code
 * comparison.json}, {@code comparison.md} and the charts. A step that throws is reported as failed
 * (in the results and by the exit status) and the run goes on; nothing is averaged over failures.
 *
 * <p>Run by {@code ./mvnw -Pcompare -pl comparison -am verify -DskipTests}: see the module README.
 */
public final class Comparison {

  private Comparison() {}

  /** The sections in the order they run: the cheap, fast ones first, the VM last. */
  static List<Section> sections() {
    return List.of(
        new Sizes(),
        new Costs(),
        new References(),
        new ProcessSection(),
        new SystemdSection(),
        new LambdaSection(),
        new ContainerSection(),
        new VmSection());
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.fromSystemProperties();
    PrintStream out = System.out;
    List<Step> steps = new ArrayList<>();
    for (Section section : sections()) {
      if (options.only().isEmpty() || options.only().contains(section.name())) {
        steps.addAll(section.steps(options));
      }
    }
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String loadAtStart = Machine.loadAverage();
    Collected collected = new Collected();
    Progress progress = new Progress(out, steps);
    Duration expected = steps.stream().map(Step::expected).reduce(Duration.ZERO, Duration::plus);
    out.printf(
        "comparison: %d steps, %d runs per fast figure, expected about %s on a 2-core machine%n",
        steps.size(), options.runs(), Progress.minutes(expected));
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      progress.starting(i, System.nanoTime());
      collected.progress = detail -> progress.detail(detail, System.nanoTime());
      try {
        step.action().run(collected);
      } catch (Exception | AssertionError e) {
        collected.failed(step, e);
        out.println("  FAILED: " + e);
      }
      progress.finished(i, System.nanoTime());
    }
    Stamp stamp =
        new Stamp(
            started.toString(),
            Machine.commit(options.repository()),
            Machine.description(),
            Machine.os(),
            Machine.jvm(),
            loadAtStart + " at start, " + Machine.loadAverage() + " at the end",
            command(options),
            Duration.between(started, Instant.now()).toSeconds());
    Results results =
        new Results(
            options.runs(), stamp, collected.figures, collected.skipped, collected.failures);
    Published published = Published.write(results, options.output());
    out.println("comparison: wrote " + published.describe());
    if (options.publish()) {
      Published.publish(results, options.output(), options.repository());
      out.println("comparison: published to comparison/results/ and README.md");
    }
    if (!collected.failures.isEmpty()) {
      out.println("comparison: " + collected.failures.size() + " step(s) failed:");
      collected.failures.forEach(failure -> out.println("  " + failure));
      System.exit(1);
    }
  }

  private static String command(Options options) {
    return "./mvnw -Pcompare -pl comparison -am verify -DskipTests"
        + (options.runs() == 5 ? "" : " -Dcomparison.runs=" + options.runs())
        + options
            .scfSample()
            .map(path -> " -Dcomparison.scf-sample=…/" + path.getFileName())
            .orElse("");
  }

  /** What the steps recorded, in order. */
  private static final class Collected implements Recorder {
    final List<Figure> figures = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    java.util.function.Consumer<String> progress = detail -> {};

    @Override
    public void figure(Figure figure) {
      figures.add(figure);
    }

    @Override
    public void skip(Skipped skip) {
      skipped.add(skip);
    }

    @Override
    public void progress(String detail) {
      progress.accept(detail);
    }

    void failed(Step step, Throwable e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
      String firstLine = message.lines().findFirst().orElse(message);
      failures.add(step.name() + ": " + firstLine);
    }
  }

  static Path writeString(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.writeString(file, text);
  }
}
