package com.example.inframodels.comparison;

import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The three charts, drawn by JFreeChart from the results: cold start per model and packaging (log
 * scale: the references, the VM's boot and the Lambda starts span three orders of magnitude),
 * resident memory, and the monthly cost of the three workloads on each model (log scale).
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
    style(chart, renderer);
    if (log) {
      LogAxis axis = new LogAxis(metric.unit + " (log scale)");
      axis.setBase(10);
      axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
      plot.setRangeAxis(axis);
    }
    return chart;
  }

  /** The three workloads as groups, one bar per model, on a log scale of dollars per month. */
  static JFreeChart costs(Results results) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Figure figure : results.figures()) {
      if (figure.metric() == Metric.COST) {
        data.addValue(figure.median(), figure.model().title, figure.subject());
      }
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Monthly cost of three workloads (advisor's estimate, USD, log scale)",
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
    style(chart, renderer);
    LogAxis axis = new LogAxis("USD per month (log scale)");
    axis.setBase(10);
    axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
    chart.getCategoryPlot().setRangeAxis(axis);
    return chart;
  }

  private static void style(JFreeChart chart, BarRenderer renderer) {
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
