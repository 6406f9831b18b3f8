package com.example.inframodels.comparison;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's restart policy at work: one container of the image to run under {@code
 * --restart=always}, its JVM killed with SIGKILL {@code runs} times (by its host PID, as {@code
 * kill -9} would), each time timed from the kill to the first 200 on {@code GET /runtime} from the
 * container's next process. With podman there is no daemon: conmon, which watches the container,
 * runs {@code podman container cleanup} when it exits, and that applies the policy.
 */
final class ContainerRestart {

  private static final Duration DEADLINE = Duration.ofSeconds(180);

  private ContainerRestart() {}

  static void measure(
      Recorder recorder, ContainerEngineCli engine, ContainerImages images, int runs)
      throws Exception {
    Optional<String> missing = images.missing(images.toRun);
    if (missing.isPresent()) {
      recorder.skip(
          new Skipped(Metric.RESTART, Model.CONTAINER, ContainerImages.TUNED, missing.get()));
      return;
    }
    images.load(engine, recorder);
    int port = ContainerProbe.freePort();
    URI base = ContainerProbe.base(port);
    recorder.progress("starting a container of the image to run under --restart=always");
    String container =
        engine.runDetached(
            ContainerSection.runArguments(port, List.of("--restart=always"), images.toRun.id()));
    try {
      ContainerProbe.firstOk(
          base, DEADLINE, () -> engine.running(container), () -> engine.logTail(container));
      List<Double> restarts = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        recorder.progress("run " + run + " of " + runs + ": kill -9, then the restarted JVM");
        long killed = engine.pid(container);
        int restartsBefore = engine.restartCount(container);
        ProcessHandle jvm =
            ProcessHandle.of(killed)
                .orElseThrow(() -> new IllegalStateException("no process " + killed));
        long start = System.nanoTime();
        if (!jvm.destroyForcibly()) {
          throw new IllegalStateException("SIGKILL to " + killed + " was not sent");
        }
        long answered =
            ContainerProbe.firstOk(
                base,
                DEADLINE,
                // Between the kill and the restart the container is briefly not running.
                () -> true,
                () -> engine.logTail(container));
        double elapsed = (answered - start) / 1e6;
        long next = engine.pid(container);
        int restartsAfter = engine.restartCount(container);
        if (next == killed || restartsAfter <= restartsBefore) {
          throw new IllegalStateException(
              "the 200 after the kill did not come from a restarted process: PID "
                  + killed
                  + " -> "
                  + next
                  + ", restart count "
                  + restartsBefore
                  + " -> "
                  + restartsAfter);
        }
        restarts.add(elapsed);
      }
      recorder.figure(
          new Figure(
              Metric.RESTART,
              Model.CONTAINER,
              ContainerImages.TUNED,
              restarts,
              engine.version()
                  + ", run --restart=always with the cold-start options; SIGKILL to the JVM's host"
                  + " PID, to the first 200 on GET /runtime from the container's next process"
                  + " (new PID, restart count up); one container, killed "
                  + runs
                  + " times"));
    } finally {
      engine.remove(container);
    }
  }
}
