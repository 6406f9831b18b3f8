package com.example.inframodels.comparison;

import com.example.inframodels.container.ImageLayout;
import com.example.inframodels.container.RunOptions;
import com.example.inframodels.testing.ProcStatus;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container model: container-jib's two images (sizes, per-layer sizes of the image to run), a
 * fresh container of each from {@code run} to its first 200 with its memory after warm-up, the
 * steady-state load on the image to run, and its restart by the engine's restart policy after a
 * {@code kill -9} of the JVM. Containers run as the module's ITs run them ({@link RunOptions}:
 * read-only, a {@code /tmp} tmpfs, 512 MiB and no swap), published on a loopback port.
 */
final class ContainerSection implements Section {

  private static final Duration START_DEADLINE = Duration.ofSeconds(120);
  private static final double MIB = 1024.0 * 1024.0;

  @Override
  public String name() {
    return "container";
  }

  @Override
  public List<Step> steps(Options options) {
    ContainerImages images = new ContainerImages(options.module("container-jib").resolve("target"));
    Optional<ContainerEngineCli> found = ContainerEngineCli.find();
    if (found.isEmpty()) {
      String reason = ContainerEngineCli.engineName() + " not on PATH";
      return List.of(
          new Step(
              "container: no engine",
              Duration.ofSeconds(1),
              recorder -> {
                for (String subject : List.of(ContainerImages.DEFAULT, ContainerImages.TUNED)) {
                  recorder.skip(new Skipped(null, Model.CONTAINER, subject, reason));
                }
              }));
    }
    ContainerEngineCli engine = found.get();
    int runs = options.runs();
    return List.of(
        new Step("container: image sizes", Duration.ofSeconds(20), r -> sizes(r, images)),
        new Step(
            "container: cold starts and memory, both images",
            Duration.ofSeconds(30 + 2L * runs * 25),
            r -> coldStarts(r, engine, images, runs)),
        new Step(
            "container: steady-state load, image to run",
            Duration.ofSeconds(20 + runs * 22L),
            r -> load(r, engine, images, runs)),
        new Step(
            "container: restart after kill -9, image to run",
            Duration.ofSeconds(20 + runs * 14L),
            r -> ContainerRestart.measure(r, engine, images, runs)),
        new Step(
            "container: remove the loaded images",
            Duration.ofSeconds(5),
            r -> images.remove(engine)));
  }

  /** Each image's compressed size, and each layer of the image to run. */
  private static void sizes(Recorder recorder, ContainerImages images) throws Exception {
    for (ContainerImages.Image image : List.of(images.application, images.toRun)) {
      Optional<String> missing = images.missing(image);
      if (missing.isPresent()) {
        recorder.skip(new Skipped(Metric.SIZE, Model.CONTAINER, image.subject(), missing.get()));
        continue;
      }
      recorder.progress("reading " + image.tar().getFileName());
      ImageLayout layout = new ImageLayout(image.tar());
      List<ImageLayout.Layer> layers = layout.layers();
      long total = layers.stream().mapToLong(ImageLayout.Layer::size).sum();
      recorder.figure(
          Figure.once(
              Metric.SIZE,
              Model.CONTAINER,
              image.subject(),
              total / Sizes.MB,
              "the "
                  + layers.size()
                  + " layers' compressed sizes in "
                  + image.tar().getFileName()
                  + "'s manifest (what a pull moves)"));
      if (image == images.toRun) {
        List<String> names = layout.layerNames();
        for (int i = 0; i < layers.size(); i++) {
          recorder.figure(
              Figure.once(
                  Metric.LAYER_SIZE,
                  Model.CONTAINER,
                  "image to run: " + names.get(i),
                  layers.get(i).size() / Sizes.MB,
                  "layer " + (i + 1) + " of " + layers.size() + ", compressed"));
        }
      }
    }
  }

  /** Fresh containers of each image, interleaved; memory after warm-up in each. */
  private static void coldStarts(
      Recorder recorder, ContainerEngineCli engine, ContainerImages images, int runs)
      throws Exception {
    skipMissing(recorder, images, Metric.COLD_START, Metric.MEMORY, Metric.ENVELOPE_MEMORY);
    List<ContainerImages.Image> present = images.load(engine, recorder);
    Map<ContainerImages.Image, List<Double>> starts = new LinkedHashMap<>();
    Map<ContainerImages.Image, List<Double>> resident = new LinkedHashMap<>();
    Map<ContainerImages.Image, List<Double>> envelope = new LinkedHashMap<>();
    String unreadable = null;
    for (int run = 1; run <= runs; run++) {
      for (ContainerImages.Image image : present) {
        recorder.progress("run " + run + " of " + runs + ": " + image.subject());
        int port = ContainerProbe.freePort();
        URI base = ContainerProbe.base(port);
        String container = null;
        long start = System.nanoTime();
        try {
          container = engine.runDetached(runArguments(port, List.of(), image.id()));
          String id = container;
          long answered =
              ContainerProbe.firstOk(
                  base, START_DEADLINE, () -> engine.running(id), () -> engine.logTail(id));
          starts.computeIfAbsent(image, k -> new ArrayList<>()).add((answered - start) / 1e6);
          ServiceProbe.warmUpInTurn(base, Duration.ofSeconds(30));
          long pid = engine.pid(container);
          resident.computeIfAbsent(image, k -> new ArrayList<>()).add(vmRssMib(pid));
          ContainerCgroup.Reading cgroup = ContainerCgroup.read(pid);
          if (cgroup.ok()) {
            envelope.computeIfAbsent(image, k -> new ArrayList<>()).add(cgroup.bytes() / MIB);
          } else {
            unreadable = cgroup.source();
          }
        } finally {
          if (container != null) {
            engine.remove(container);
          }
        }
      }
    }
    String how =
        engine.version()
            + ", run --detach "
            + String.join(" ", RunOptions.cliFlags())
            + " --publish 127.0.0.1:PORT:8080; a fresh container each run, images interleaved";
    for (ContainerImages.Image image : present) {
      String subject = image.subject();
      recorder.figure(
          new Figure(
              Metric.COLD_START,
              Model.CONTAINER,
              subject,
              starts.get(image),
              how + "; clock from just before `run` to the first 200 on GET /runtime"));
      recorder.figure(
          new Figure(
              Metric.MEMORY,
              Model.CONTAINER,
              subject,
              resident.get(image),
              "VmRSS of the container's JVM (host /proc/PID/status, PID from inspect) after "
                  + ServiceProbe.WARM_UP_REQUESTS
                  + " contract requests"));
      if (envelope.containsKey(image) && unreadable == null) {
        recorder.figure(
            new Figure(
                Metric.ENVELOPE_MEMORY,
                Model.CONTAINER,
                subject,
                envelope.get(image),
                "the container's cgroup usage (memory.usage_in_bytes on this cgroup v1 host, what "
                    + engine.name()
                    + " stats shows), at the same moment"));
      } else {
        recorder.skip(
            new Skipped(
                Metric.ENVELOPE_MEMORY,
                Model.CONTAINER,
                subject,
                "the container's memory cgroup cannot be read: " + unreadable));
      }
    }
  }

  /** Load.measure against one container of the image to run. */
  private static void load(
      Recorder recorder, ContainerEngineCli engine, ContainerImages images, int runs)
      throws Exception {
    Optional<String> missing = images.missing(images.toRun);
    if (missing.isPresent()) {
      for (Metric metric : List.of(Metric.LATENCY_P50, Metric.LATENCY_P99, Metric.THROUGHPUT)) {
        recorder.skip(new Skipped(metric, Model.CONTAINER, ContainerImages.TUNED, missing.get()));
      }
      return;
    }
    images.load(engine, recorder);
    int port = ContainerProbe.freePort();
    URI base = ContainerProbe.base(port);
    recorder.progress("starting a container of the image to run");
    String container = engine.runDetached(runArguments(port, List.of(), images.toRun.id()));
    try {
      ContainerProbe.firstOk(
          base, START_DEADLINE, () -> engine.running(container), () -> engine.logTail(container));
      Load.measure(
          recorder, Model.CONTAINER, ContainerImages.TUNED, base, Load.Shape.STANDARD, runs);
    } finally {
      engine.remove(container);
    }
  }

  /** The module's run options, the published port, extra options, then the image. */
  static List<String> runArguments(int port, List<String> extra, String image) {
    List<String> arguments = new ArrayList<>(RunOptions.cliFlags());
    arguments.add("--publish");
    arguments.add("127.0.0.1:" + port + ":" + RunOptions.PORT);
    arguments.addAll(extra);
    arguments.add(image);
    return arguments;
  }

  static double vmRssMib(long pid) throws java.io.IOException {
    String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
    String vmRss = ProcStatus.parse(status).get("VmRSS");
    if (vmRss == null) {
      throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
    }
    return Long.parseLong(vmRss.replace("kB", "").strip()) / 1024.0;
  }

  private static void skipMissing(Recorder recorder, ContainerImages images, Metric... metrics) {
    for (ContainerImages.Image image : List.of(images.application, images.toRun)) {
      images
          .missing(image)
          .ifPresent(
              reason -> {
                for (Metric metric : metrics) {
                  recorder.skip(new Skipped(metric, Model.CONTAINER, image.subject(), reason));
                }
              });
    }
  }
}
