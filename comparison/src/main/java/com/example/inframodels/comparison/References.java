package com.example.inframodels.comparison;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM's own floor: how long {@code java -version} takes from spawn to exit on this machine,
 * below which no Java start of any model can go.
 */
final class References implements Section {

  static final String JVM_FLOOR = "JVM floor: java -version, spawn to exit";

  @Override
  public String name() {
    return "references";
  }

  @Override
  public List<Step> steps(Options options) {
    return List.of(
        new Step(
            "JVM floor (java -version)",
            Duration.ofSeconds(3),
            recorder -> {
              String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
              List<Double> runs = new ArrayList<>();
              for (int run = 1; run <= options.runs(); run++) {
                recorder.progress("run " + run + " of " + options.runs());
                long start = System.nanoTime();
                Process process =
                    new ProcessBuilder(java, "-version")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                  process.destroyForcibly();
                  throw new IllegalStateException("java -version did not exit within 60 s");
                }
                long elapsed = System.nanoTime() - start;
                if (process.exitValue() != 0) {
                  throw new IllegalStateException("java -version exited " + process.exitValue());
                }
                runs.add(elapsed / 1e6);
              }
              recorder.figure(
                  new Figure(
                      Metric.COLD_START,
                      Model.REFERENCE,
                      JVM_FLOOR,
                      runs,
                      "the JVM that runs the harness, " + Machine.jvm()));
            }));
  }
}
