package com.example.inframodels.comparison;

import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The three charts, drawn by JFreeChart from the results: cold start per model and packaging (log
 * scale: the references, the VM's boot and the Lambda starts span three orders of magnitude),
 * resident memory, and the monthly cost of the reference workloads on each model (log scale).
 */
final class Charts {

  static final int WIDTH = 1000;
  static final int HEIGHT = 560;

  static final Map<Model, Color> COLOURS = new EnumMap<>(Model.class);

  static {
    COLOURS.put(Model.BARE_METAL, new Color(0x8c564b));
    COLOURS.put(Model.VIRTUAL_MACHINE, new Color(0x1f77b4));
    COLOURS.put(Model.CONTAINER, new Color(0x2ca02c));
    COLOURS.put(Model.SERVERLESS, new Color(0xff7f0e));
    COLOURS.put(Model.REFERENCE, new Color(0x7f7f7f));
  }

  static final List<String> FILES = List.of("cold-start.png", "memory.png", "cost.png");

  private Charts() {}

  static List<Path> write(Results results, Path directory) throws IOException {
    Files.createDirectories(directory);
    Path coldStart = directory.resolve(FILES.get(0));
    Path memory = directory.resolve(FILES.get(1));
    Path cost = directory.resolve(FILES.get(2));
    ChartUtils.saveChartAsPNG(
        coldStart.toFile(),
        perPackaging(
            results, Metric.COLD_START, "Launch to first 200 on /runtime (ms, log scale)", true),
        WIDTH,
        HEIGHT);
    ChartUtils.saveChartAsPNG(
        memory.toFile(),
        perPackaging(results, Metric.MEMORY, "Resident memory after warm-up (MiB)", false),
        WIDTH,
        HEIGHT);
    ChartUtils.saveChartAsPNG(cost.toFile(), costs(results), WIDTH, HEIGHT);
    return List.of(coldStart, memory, cost);
  }

  /** One bar per packaging that has {@code metric}, coloured by model, at the median. */
  static JFreeChart perPackaging(Results results, Metric metric, String title, boolean log) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<Figure> figures =
        MarkdownTable.rows(results, List.of(metric)).stream()
            .flatMap(row -> results.figure(metric, row.model(), row.subject()).stream())
            .toList();
    for (Figure figure : figures) {
      data.addValue(figure.median(), metric.unit, figure.model().title + ": " + figure.subject());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, null, metric.unit, data, PlotOrientation.HORIZONTAL, false, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer =
        new BarRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            return COLOURS.get(figures.get(column).model());
          }
        };
    style(chart, renderer, "#,##0");
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
    if (log) {
      logScale(
          plot,
          renderer,
          metric.unit + " (log scale)",
          figures.stream().map(Figure::median).toList());
    }
    return chart;
  }

  /** The reference workloads as groups, one bar per model, on a log scale of dollars per month. */
  static JFreeChart costs(Results results) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Figure figure : results.figures()) {
      if (figure.metric() == Metric.COST) {
        data.addValue(figure.median(), figure.model().title, figure.subject());
      }
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Monthly cost of the reference workloads (advisor's estimate, USD, log scale)",
            null,
            "USD per month",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    BarRenderer renderer = new BarRenderer();
    for (int series = 0; series < data.getRowCount(); series++) {
      String model = (String) data.getRowKey(series);
      for (Model each : Model.values()) {
        if (each.title.equals(model)) {
          renderer.setSeriesPaint(series, COLOURS.get(each));
        }
      }
    }
    style(chart, renderer, "#,##0.##");
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    logScale(
        plot,
        renderer,
        "USD per month (log scale)",
        results.figures().stream()
            .filter(f -> f.metric() == Metric.COST)
            .map(Figure::median)
            .toList());
    return chart;
  }

  /**
   * A base-10 log axis from the power of ten below the smallest value to the one above the largest,
   * with bars drawn up from the axis' lower end (a bar cannot start at zero on a log scale) and
   * plain numbers as tick labels.
   */
  private static void logScale(
      CategoryPlot plot, BarRenderer renderer, String label, List<Double> values) {
    double smallest = values.stream().filter(v -> v > 0).min(Double::compare).orElse(1.0);
    double largest = values.stream().max(Double::compare).orElse(10.0);
    double lower = Math.pow(10, Math.floor(Math.log10(smallest)));
    double upper = Math.pow(10, Math.ceil(Math.log10(largest * 1.01)));
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setSmallestValue(lower);
    axis.setRange(lower, upper);
    axis.setTickUnit(new NumberTickUnit(1));
    axis.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
    plot.setRangeAxis(axis);
    renderer.setBase(lower);
  }

  private static void style(JFreeChart chart, BarRenderer renderer, String labelFormat) {
    // Each bar carries its value, so the chart reads without the table.
    renderer.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(labelFormat)));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
  }
}
