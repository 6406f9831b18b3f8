package com.example.inframodels.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The results as Markdown: the stamp, one row per model and packaging with its measured figures
 * (median, and min–max over the runs), the image's layers, the reference workloads' monthly costs,
 * and a footnote for every figure a run could not take. Pure: the same results give the same text,
 * which is how the README's copy is checked.
 */
public final class MarkdownTable {

  /** The columns of the main table, in order. */
  static final List<Metric> COLUMNS =
      List.of(
          Metric.SIZE,
          Metric.COLD_START,
          Metric.MEMORY,
          Metric.ENVELOPE_MEMORY,
          Metric.LATENCY_P50,
          Metric.LATENCY_P99,
          Metric.THROUGHPUT,
          Metric.RESTART);

  private MarkdownTable() {}

  /** The whole document: what {@code comparison.md} holds and the README shows. */
  public static String render(Results results) {
    Footnotes footnotes = new Footnotes();
    StringBuilder out = new StringBuilder();
    out.append(stamp(results)).append("\n\n");
    out.append(mainTable(results, footnotes)).append('\n');
    String layers = layers(results, footnotes);
    if (!layers.isEmpty()) {
      out.append(layers).append('\n');
    }
    out.append(costs(results, footnotes)).append('\n');
    out.append(footnotes.render());
    if (!results.failures().isEmpty()) {
      out.append("\nSteps that failed in this run (their figures are missing):\n\n");
      results.failures().forEach(failure -> out.append("- ").append(failure).append('\n'));
    }
    return out.toString();
  }

  static String stamp(Results results) {
    Stamp stamp = results.stamp();
    return String.format(
        Locale.ROOT,
        "Measured %s on %s (%s), %s, at commit `%s`; load average %s; the run took %s. Fast"
            + " figures are the median of %d runs, with their range in brackets. Absolute times"
            + " depend on the machine: compare ratios within one run, not figures across"
            + " machines.%n%nCommand: `%s`",
        stamp.startedAt(),
        stamp.machine(),
        stamp.os(),
        stamp.jvm(),
        stamp.commit(),
        stamp.loadAverage(),
        Progress.minutes(java.time.Duration.ofSeconds(stamp.seconds())),
        results.runs(),
        stamp.command());
  }

  static String mainTable(Results results, Footnotes footnotes) {
    StringBuilder out = new StringBuilder("| Model | Packaging |");
    COLUMNS.forEach(metric -> out.append(' ').append(header(metric)).append(" |"));
    out.append("\n|---|---|").append("---:|".repeat(COLUMNS.size())).append('\n');
    for (Row row : rows(results, COLUMNS)) {
      out.append("| ").append(row.model.title).append(" | ").append(row.subject).append(" |");
      for (Metric metric : COLUMNS) {
        out.append(' ').append(cell(results, metric, row, footnotes)).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String layers(Results results, Footnotes footnotes) {
    List<Row> rows = rows(results, List.of(Metric.LAYER_SIZE));
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder out =
        new StringBuilder("| Image layer | Size (" + Metric.LAYER_SIZE.unit + ") |\n|---|---:|\n");
    for (Row row : rows) {
      out.append("| ")
          .append(row.subject)
          .append(" | ")
          .append(cell(results, Metric.LAYER_SIZE, row, footnotes))
          .append(" |\n");
    }
    return out.toString();
  }

  static String costs(Results results, Footnotes footnotes) {
    List<Model> models =
        List.of(Model.BARE_METAL, Model.VIRTUAL_MACHINE, Model.CONTAINER, Model.SERVERLESS);
    StringBuilder out = new StringBuilder("| Monthly cost (advisor's estimate) |");
    models.forEach(model -> out.append(' ').append(model.title).append(" |"));
    out.append("\n|---|").append("---:|".repeat(models.size())).append('\n');
    Set<String> workloads = new LinkedHashSet<>();
    results.figures().stream()
        .filter(f -> f.metric() == Metric.COST)
        .forEach(f -> workloads.add(f.subject()));
    for (String workload : workloads) {
      out.append("| ").append(workload).append(" |");
      Optional<Double> cheapest =
          results.figures().stream()
              .filter(f -> f.metric() == Metric.COST && f.subject().equals(workload))
              .map(Figure::median)
              .min(Comparator.naturalOrder());
      for (Model model : models) {
        Optional<Figure> figure = results.figure(Metric.COST, model, workload);
        String text =
            figure
                .map(f -> format(Metric.COST, f.median()))
                .orElseGet(() -> footnotes.missing(results, Metric.COST, model, workload));
        boolean best = figure.isPresent() && cheapest.get().equals(figure.get().median());
        out.append(' ').append(best ? "**" + text + "**" : text).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String header(Metric metric) {
    return metric.title + " (" + metric.unit + ")";
  }

  private static String cell(Results results, Metric metric, Row row, Footnotes footnotes) {
    return results
        .figure(metric, row.model, row.subject)
        .map(MarkdownTable::value)
        .orElseGet(() -> footnotes.missing(results, metric, row.model, row.subject));
  }

  /** The median, and the range when there was more than one run. */
  static String value(Figure figure) {
    String median = format(figure.metric(), figure.median());
    if (figure.runs().size() == 1) {
      return median;
    }
    return median
        + " ("
        + format(figure.metric(), figure.min())
        + "–"
        + format(figure.metric(), figure.max())
        + ")";
  }

  static String format(Metric metric, double value) {
    return switch (metric) {
      case SIZE, LAYER_SIZE ->
          value >= 10
              ? String.format(Locale.ROOT, "%,.1f", value)
              : String.format(Locale.ROOT, "%.2f", value);
      case COLD_START, RESTART, MEMORY, ENVELOPE_MEMORY, THROUGHPUT ->
          String.format(Locale.ROOT, "%,.0f", value);
      case LATENCY_P50, LATENCY_P99 ->
          value >= 10
              ? String.format(Locale.ROOT, "%,.0f", value)
              : String.format(Locale.ROOT, "%.1f", value);
      case COST -> String.format(Locale.ROOT, "$%,.2f", value);
    };
  }

  /** One table row: a packaging of one model. */
  record Row(Model model, String subject) {}

  /** The rows that have any of {@code metrics}, figures or skips, by model, then as first seen. */
  static List<Row> rows(Results results, List<Metric> metrics) {
    Set<Row> rows = new LinkedHashSet<>();
    results.figures().stream()
        .filter(f -> metrics.contains(f.metric()))
        .forEach(f -> rows.add(new Row(f.model(), f.subject())));
    results.skipped().stream()
        // A skip of a whole packaging gets its row in the main table only.
        .filter(s -> s.metric() == null ? metrics.equals(COLUMNS) : metrics.contains(s.metric()))
        .forEach(s -> rows.add(new Row(s.model(), s.subject())));
    List<Row> ordered = new ArrayList<>(rows);
    ordered.sort(Comparator.comparing(Row::model));
    return ordered;
  }

  /** Numbered reasons for the cells a run left empty; the same reason gets one number. */
  static final class Footnotes {
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    String missing(Results results, Metric metric, Model model, String subject) {
      return results
          .skip(metric, model, subject)
          .map(
              skip ->
                  "n/a [" + numbers.computeIfAbsent(skip.reason(), r -> numbers.size() + 1) + "]")
          .orElse("—");
    }

    String render() {
      if (numbers.isEmpty()) {
        return "";
      }
      StringBuilder out = new StringBuilder("Not measured in this run:\n\n");
      numbers.forEach(
          (reason, n) -> out.append("- [").append(n).append("] ").append(reason).append('\n'));
      return out.toString();
    }
  }
}
