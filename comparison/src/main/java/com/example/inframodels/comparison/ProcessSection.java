package com.example.inframodels.comparison;

import com.example.inframodels.baremetal.ExtractedInstall;
import com.example.inframodels.baremetal.ExtractedInstall.UnitProcess;
import com.example.inframodels.baremetal.FatJarProcess;
import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.LaunchedProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bare metal without a supervisor: the fat JAR as {@code java -jar} starts it, and the same jar
 * tuned as install.sh leaves it (extracted layout, Spring AOT, the start-up archive that {@code
 * start-archive.sh make} trains with this JVM), started by the unit's own ExecStart= line. Both run
 * on the JVM that runs the harness, with baremetal-systemd's test helpers.
 */
final class ProcessSection implements Section {

  static final String TUNED = "fat JAR, tuned as install.sh leaves it";

  /** As bench/first-response.sh: a start with no 200 by then has failed. */
  static final Duration FIRST_RESPONSE_DEADLINE = Duration.ofSeconds(120);

  @Override
  public String name() {
    return "process";
  }

  @Override
  public List<Step> steps(Options options) {
    Path module = options.module("baremetal-systemd");
    Path logs = options.output().resolve("logs");
    Tuned tuned = new Tuned();
    return List.of(
        new Step(
            "bare metal: install.sh --root, start-archive.sh make",
            Duration.ofSeconds(45),
            recorder -> {
              recorder.progress("installing into a scratch directory and training the archive");
              tuned.prepare(module);
            }),
        new Step(
            "bare metal: fresh starts, java -jar and tuned, interleaved",
            Duration.ofSeconds(18L * options.runs()),
            recorder -> starts(recorder, module, logs, tuned, options.runs())),
        new Step(
            "bare metal: steady-state load, tuned",
            Duration.ofSeconds(5 + 10L * options.runs()),
            recorder -> {
              try {
                load(recorder, logs, tuned, options.runs());
              } finally {
                tuned.close();
              }
            }));
  }

  private static void starts(Recorder recorder, Path module, Path logs, Tuned tuned, int runs)
      throws Exception {
    Path jar = FatJarProcess.jar(module);
    Path jdk = ExtractedInstall.runningJdk();
    ExtractedInstall install = tuned.install();
    String archive = install.archiveOptions();
    List<Double> plainStarts = new ArrayList<>();
    List<Double> plainRss = new ArrayList<>();
    List<Double> tunedStarts = new ArrayList<>();
    List<Double> tunedRss = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      recorder.progress("run " + run + " of " + runs + ": java -jar");
      long start = System.nanoTime();
      try (FatJarProcess plain = FatJarProcess.start(jar, logs.resolve("fat-jar.log"), List.of())) {
        measure(plain.baseUri(), plain.process(), start, plainStarts, plainRss);
      }
      recorder.progress("run " + run + " of " + runs + ": tuned");
      start = System.nanoTime();
      try (UnitProcess unit = install.start(jdk, archive, logs.resolve("fat-jar-tuned.log"))) {
        measure(baseUri(unit), unit.process(), start, tunedStarts, tunedRss);
      }
    }
    String jvm = "on " + Machine.jvm() + ", the JVM that runs the harness";
    recorder.figure(
        new Figure(
            Metric.COLD_START,
            Model.BARE_METAL,
            Sizes.FAT_JAR,
            plainStarts,
            "java -jar baremetal-systemd/target/infra-advisor.jar, no options, " + jvm));
    recorder.figure(
        new Figure(
            Metric.MEMORY, Model.BARE_METAL, Sizes.FAT_JAR, plainRss, warmUpNote("java -jar")));
    recorder.figure(
        new Figure(Metric.COLD_START, Model.BARE_METAL, TUNED, tunedStarts, tunedNote(install)));
    recorder.figure(
        new Figure(
            Metric.MEMORY, Model.BARE_METAL, TUNED, tunedRss, warmUpNote("the tuned start")));
  }

  /** Clock from {@code start} (taken just before the spawn) to the first 200; then memory. */
  private static void measure(
      URI base, LaunchedProcess process, long start, List<Double> starts, List<Double> rss)
      throws Exception {
    long ok =
        ServiceProbe.firstOk(
            base,
            FIRST_RESPONSE_DEADLINE,
            process::requireAlive,
            () -> "--- log ---\n" + process.logText());
    starts.add((ok - start) / 1e6);
    ServiceProbe.warmUp(base);
    rss.add(Resident.ofProcess(process.pid()));
  }

  private static void load(Recorder recorder, Path logs, Tuned tuned, int runs) throws Exception {
    ExtractedInstall install = tuned.install();
    recorder.progress("starting the tuned service");
    try (UnitProcess unit =
        install.start(
            ExtractedInstall.runningJdk(),
            install.archiveOptions(),
            logs.resolve("fat-jar-tuned-load.log"))) {
      ServiceProbe.firstOk(
          baseUri(unit),
          FIRST_RESPONSE_DEADLINE,
          unit.process()::requireAlive,
          () -> "--- log ---\n" + unit.process().logText());
      Load.measure(recorder, Model.BARE_METAL, TUNED, baseUri(unit), Load.Shape.STANDARD, runs);
    }
  }

  static String tunedNote(ExtractedInstall install) throws IOException {
    return "the unit's ExecStart= line on the layout install.sh --root leaves (jar extracted to"
        + " app/ + lib/), with the env file's JAVA_OPTS ("
        + install.javaOptions()
        + "; -Dspring.aot.enabled=true runs Spring AOT's build-time wiring) and the start-up"
        + " archive start-archive.sh make trained with this JVM ("
        + install.archiveOptions()
        + "); no systemd, no sandbox; on "
        + Machine.jvm()
        + ", the JVM that runs the harness; interleaved with java -jar, one fresh JVM per run";
  }

  private static String warmUpNote(String what) {
    return "VmRSS of "
        + what
        + " after "
        + ServiceProbe.WARM_UP_REQUESTS
        + " POST /estimate and a GET /runtime, one fresh JVM per run";
  }

  private static URI baseUri(UnitProcess unit) {
    return URI.create("http://127.0.0.1:" + unit.port() + "/");
  }

  /** The tuned install the steps share: made by the first, removed by the last. */
  private static final class Tuned {
    private Path work;
    private ExtractedInstall install;

    void prepare(Path module) throws Exception {
      work = Files.createTempDirectory("comparison-baremetal-");
      install = ExtractedInstall.into(work, module);
      ExternalCommand.Result make = install.archive("make", ExtractedInstall.runningJdk());
      if (make.exitCode() != 0) {
        install = null;
        throw new IllegalStateException("start-archive.sh make failed: " + make.describe());
      }
    }

    ExtractedInstall install() {
      if (install == null) {
        throw new IllegalStateException(
            "no tuned install: the step that makes it failed (see above)");
      }
      return install;
    }

    void close() throws IOException {
      if (work == null) {
        return;
      }
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
      work = null;
      install = null;
    }
  }
}
