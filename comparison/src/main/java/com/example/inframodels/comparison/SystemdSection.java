package com.example.inframodels.comparison;

import com.example.inframodels.baremetal.SystemdHost;
import com.example.inframodels.testing.ExternalCommand;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Bare metal as an operator runs it: the distribution installed by its real install.sh on a Debian
 * machine with systemd as PID 1 (baremetal-systemd's {@link SystemdHost}, a podman container built
 * from Debian packages), so systemd starts, sandboxes and restarts the real unit. Measured: {@code
 * systemctl start} to the first 200, the main process's memory, and kill -9 to the first 200 of the
 * process systemd starts in its place.
 */
final class SystemdSection implements Section {

  /** What SystemdHost needs: the engine, and the tool that builds the host's image. */
  static final List<String> TOOLS = List.of("podman", "mmdebstrap");

  static final Duration FIRST_RESPONSE_DEADLINE = Duration.ofSeconds(120);

  @Override
  public String name() {
    return "systemd";
  }

  @Override
  public List<Step> steps(Options options) {
    Path module = options.module("baremetal-systemd");
    Booted booted = new Booted();
    return List.of(
        new Step(
            "systemd: boot the host, install.sh",
            Duration.ofSeconds(90),
            recorder -> booted.boot(recorder, module)),
        new Step(
            "systemd: systemctl start to first 200",
            Duration.ofSeconds(12L * options.runs()),
            recorder -> booted.ifBooted(service -> starts(recorder, service, options.runs()))),
        new Step(
            "systemd: kill -9 to first 200",
            Duration.ofSeconds(10L * options.runs()),
            recorder -> {
              try {
                booted.ifBooted(service -> restarts(recorder, service, options.runs()));
              } finally {
                booted.close();
              }
            }));
  }

  private static void starts(Recorder recorder, SystemdService service, int runs) throws Exception {
    List<Double> starts = new ArrayList<>();
    List<Double> rss = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      recorder.progress("run " + run + " of " + runs + ": systemctl stop, start");
      service.forgetStarts();
      service.systemctl("stop", SystemdService.UNIT);
      long start = System.nanoTime();
      service.systemctl("start", SystemdService.UNIT);
      long ok =
          ServiceProbe.firstOk(
              service.baseUri(), FIRST_RESPONSE_DEADLINE, () -> {}, journal(service));
      starts.add((ok - start) / 1e6);
      ServiceProbe.warmUp(service.baseUri());
      rss.add(service.residentMib());
    }
    Booted.Facts facts = Booted.facts(service);
    recorder.figure(
        new Figure(
            Metric.COLD_START,
            Model.BARE_METAL,
            Sizes.SYSTEMD,
            starts,
            "systemctl stop, then from spawning `podman exec HOST systemctl start "
                + SystemdService.UNIT
                + "` to the first 200 on /runtime through the host's published port: includes"
                + " ExecStartPre='s start-archive.sh refresh check (the archive is current, so a"
                + " checksum of the jars), the unit's sandbox set-up and podman exec itself (median "
                + Math.round(facts.execMillis())
                + " ms for `podman exec HOST true`); the host is a podman container with systemd"
                + " as PID 1 and Debian's JRE ("
                + facts.java()
                + "), the archive made there by install.sh"));
    recorder.figure(
        new Figure(
            Metric.MEMORY,
            Model.BARE_METAL,
            Sizes.SYSTEMD,
            rss,
            "VmRSS of the unit's MainPID, read in the host's /proc, after "
                + ServiceProbe.WARM_UP_REQUESTS
                + " POST /estimate and a GET /runtime through the published port; once per"
                + " systemctl start"));
  }

  private static void restarts(Recorder recorder, SystemdService service, int runs)
      throws Exception {
    List<Double> restarts = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      recorder.progress("run " + run + " of " + runs + ": kill -9 MainPID");
      service.forgetStarts();
      long before = service.mainPid();
      String invocation = service.currentInvocation();
      ProcessHandle victim = service.mainProcessFromOutside(before);
      long start = System.nanoTime();
      if (!victim.destroyForcibly()) {
        throw new IllegalStateException("SIGKILL to the main process " + before + " failed");
      }
      long ok =
          ServiceProbe.firstOk(
              service.baseUri(),
              FIRST_RESPONSE_DEADLINE,
              body ->
                  SystemdService.invocationId(body)
                      .filter(id -> !id.equals(invocation))
                      .isPresent(),
              () -> {},
              journal(service));
      restarts.add((ok - start) / 1e6);
      long after = service.mainPid();
      if (after == before) {
        throw new IllegalStateException(
            "a new invocation answered, but MainPID is still " + before);
      }
    }
    recorder.figure(
        new Figure(
            Metric.RESTART,
            Model.BARE_METAL,
            Sizes.SYSTEMD,
            restarts,
            "SIGKILL to the unit's MainPID, sent from outside the host with the clock started just"
                + " before it, to the first 200 on /runtime from the new invocation systemd started"
                + " (Restart=on-failure); most of it is RestartSec="
                + service.host.unitProperty(SystemdService.UNIT, "RestartUSec")
                + ", then ExecStartPre= and the JVM's start"));
  }

  private static Supplier<String> journal(SystemdService service) {
    return () -> {
      try {
        return service.host.journalTail(SystemdService.UNIT);
      } catch (Exception e) {
        return "(no journal: " + e + ")";
      }
    };
  }

  /** The first of {@code tools} that is not an executable file in a directory of {@code path}. */
  static Optional<String> missing(String path, List<String> tools) {
    List<String> dirs =
        List.of(Objects.requireNonNullElse(path, "").split(File.pathSeparator)).stream()
            .filter(dir -> !dir.isEmpty())
            .toList();
    return tools.stream()
        .filter(
            tool ->
                dirs.stream()
                    .map(dir -> Path.of(dir, tool))
                    .noneMatch(file -> Files.isRegularFile(file) && Files.isExecutable(file)))
        .findFirst()
        .map(tool -> tool + " not on PATH");
  }

  /** The booted host the steps share: booted by the first, removed by the last. */
  private static final class Booted {

    /** What the notes say about the host, measured once. */
    record Facts(double execMillis, String java) {}

    private SystemdService service;
    private String skipped;
    private Thread removeOnExit;

    void boot(Recorder recorder, Path module) throws Exception {
      Optional<String> missing = missing(System.getenv("PATH"), TOOLS);
      if (missing.isPresent()) {
        skipped = missing.get();
        recorder.skip(new Skipped(null, Model.BARE_METAL, Sizes.SYSTEMD, skipped));
        return;
      }
      recorder.progress("building (or reusing) the host's image and booting it");
      SystemdHost host = SystemdHost.boot(module);
      // A harness stopped half-way must not leave the host running.
      removeOnExit = new Thread(() -> quietlyClose(host));
      Runtime.getRuntime().addShutdownHook(removeOnExit);
      service = new SystemdService(host);
      Path scratch = Files.createTempDirectory("comparison-systemd-");
      try {
        host.copyInDistribution(SystemdHost.distribution(module), scratch);
      } finally {
        ExternalCommand.run(Duration.ofMinutes(1), List.of("rm", "-rf", scratch.toString()));
      }
      recorder.progress("install.sh (it trains the start-up archive in the host)");
      ExternalCommand.Result install = host.runInstallScript();
      if (install.exitCode() != 0) {
        throw new IllegalStateException(install.describe());
      }
      ServiceProbe.firstOk(service.baseUri(), FIRST_RESPONSE_DEADLINE, () -> {}, journal(service));
    }

    /** Runs {@code action} on the booted service; nothing when the section was skipped. */
    void ifBooted(Action action) throws Exception {
      if (skipped != null) {
        return;
      }
      if (service == null) {
        throw new IllegalStateException("no host: booting it failed (see the step before)");
      }
      action.run(service);
    }

    static Facts facts(SystemdService service) throws Exception {
      List<Double> exec = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        ExternalCommand.Result result = service.host.exec("true");
        exec.add((System.nanoTime() - start) / 1e6);
        if (result.exitCode() != 0) {
          throw new IllegalStateException(result.describe());
        }
      }
      exec.sort(null);
      String java = service.host.exec("java", "-version").lines().get(0).strip();
      return new Facts(exec.get(exec.size() / 2), java);
    }

    void close() {
      if (service == null) {
        return;
      }
      quietlyClose(service.host);
      try {
        Runtime.getRuntime().removeShutdownHook(removeOnExit);
      } catch (IllegalStateException e) {
        // Shutting down already: the hook runs and finds the host gone.
      }
      service = null;
    }

    private static void quietlyClose(SystemdHost host) {
      try {
        host.close();
      } catch (Exception e) {
        System.err.println("could not remove the systemd host " + host.name + ": " + e);
      }
    }
  }

  /** A step's work on the booted service. */
  @FunctionalInterface
  private interface Action {
    void run(SystemdService service) throws Exception;
  }
}
