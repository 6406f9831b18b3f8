package com.example.inframodels.comparison;

import com.example.inframodels.testing.ProcStatus;
import com.example.inframodels.testing.RequiredTool;
import com.example.inframodels.vm.Bound;
import com.example.inframodels.vm.PackerBake;
import com.example.inframodels.vm.QemuVm;
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
 * One bake and one VM, shared by the VM section's steps in order: each step uses what the ones
 * before it left, and says so when they left nothing. The VM is stopped by the last step, or by a
 * shutdown hook if the harness ends before it.
 */
final class VmRun {

  private static final String UNIT = "infra-advisor";
  private static final String MAIN_PID = "systemctl show -p MainPID --value " + UNIT;

  private final Path module;
  private final Path work;
  private final int restarts;

  private Path sourceImage;
  private PackerBake bake;
  private QemuVm vm;
  private Thread stopOnExit;
  private Duration bootToReady;
  private String subject;

  VmRun(Path module, Path work, int restarts) {
    this.module = module;
    this.work = work;
    this.restarts = restarts;
  }

  void standIn(Recorder recorder) throws Exception {
    recorder.progress("mmdebstrap, or the cached image");
    sourceImage = PackerBake.standInSourceImage(module);
  }

  void bake(Recorder recorder) throws Exception {
    need(sourceImage, "the stand-in image");
    deleteRecursively(work);
    recorder.progress("probing KVM");
    Path qemu = RequiredTool.onPath("qemu-system-x86_64");
    String accelerator = QemuVm.accelerator(qemu, sourceImage, work.resolve("kvm-probe"));
    recorder.progress("packer build, " + accelerator);
    bake =
        PackerBake.run(
            RequiredTool.onPath("packer"),
            PackerBake.template(module),
            sourceImage,
            PackerBake.distDir(module),
            work.resolve("bake"),
            accelerator);
    subject = VmSection.subject(accelerator);
    recorder.figure(
        Figure.once(
            Metric.SIZE,
            Model.VIRTUAL_MACHINE,
            subject,
            Files.size(bake.image) / Sizes.MB,
            "file size of the baked " + bake.image.getFileName()));
  }

  void boot(Recorder recorder) throws Exception {
    need(bake, "a baked image");
    // As BakedImageIT bounds it: a boot is much the bake's first minutes again plus a JVM start.
    Bound bound =
        Bound.scaled("packer build", bake.took, 3, Duration.ofMinutes(15), Duration.ofMinutes(60));
    vm =
        QemuVm.boot(
            RequiredTool.onPath("qemu-system-x86_64"),
            bake.image,
            work.resolve("boot"),
            bake.accelerator);
    QemuVm started = vm;
    stopOnExit = new Thread(() -> stop(started));
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    recorder.progress("qemu " + vm.cpuOptions + ": waiting for the first 200 on /runtime");
    long readyAt = GuestHttp.awaitRuntime(vm, base(), bound, "after boot");
    bootToReady = Duration.ofNanos(readyAt - vm.spawnedNanos);
    recorder.figure(
        Figure.once(
            Metric.COLD_START,
            Model.VIRTUAL_MACHINE,
            subject,
            bootToReady.toNanos() / 1e6,
            String.format(
                "one boot (qemu %s, 2 vCPUs, 2048 MiB; systemd starts the service); bake took %d s",
                vm.cpuOptions, bake.took.toSeconds())));
  }

  void memory(Recorder recorder) throws Exception {
    needServing();
    recorder.progress(ServiceProbe.WARM_UP_REQUESTS + " warm-up requests");
    // Under emulation one request can take seconds.
    ServiceProbe.warmUpInTurn(base(), Duration.ofMinutes(1));
    String status = vm.sshOutput("sudo cat /proc/$(" + MAIN_PID + ")/status");
    recorder.figure(
        Figure.once(
            Metric.MEMORY,
            Model.VIRTUAL_MACHINE,
            subject,
            VmSection.rssMib(ProcStatus.parse(status).get("VmRSS")),
            "VmRSS of the unit's MainPID in the guest, read over ssh, after "
                + ServiceProbe.WARM_UP_REQUESTS
                + " warm-up requests"));
    String qemuStatus = Files.readString(Path.of("/proc", String.valueOf(vm.pid()), "status"));
    recorder.figure(
        Figure.once(
            Metric.ENVELOPE_MEMORY,
            Model.VIRTUAL_MACHINE,
            subject,
            VmSection.rssMib(ProcStatus.parse(qemuStatus).get("VmRSS")),
            "VmRSS of the qemu process on the host (guest RAM 2048 MiB), after the warm-up"));
  }

  void load(Recorder recorder, int runs) throws Exception {
    needServing();
    Load.measure(
        recorder,
        Model.VIRTUAL_MACHINE,
        subject,
        base(),
        VmSection.loadShape(bake.accelerator),
        runs);
  }

  void restart(Recorder recorder) throws Exception {
    needServing();
    // A restart is the JVM's start alone, without kernel and cloud-init: within twice the boot.
    Bound bound =
        Bound.scaled("boot", bootToReady, 2, Duration.ofMinutes(3), Duration.ofMinutes(30));
    List<Double> taken = new ArrayList<>();
    while (VmSection.anotherRestart(taken, restarts, VmSection.RESTART_BUDGET)) {
      recorder.progress("kill -9 " + (taken.size() + 1) + " of at most " + restarts);
      String before = vm.sshOutput(MAIN_PID);
      vm.sshOutput("sudo kill -9 " + before);
      // Started once ssh returns: the signal has been sent by then; ssh's own set-up is not
      // counted.
      long killedAt = System.nanoTime();
      long readyAt = GuestHttp.awaitRuntime(vm, base(), bound, "after kill -9 " + before);
      String after = vm.sshOutput(MAIN_PID);
      if (after.equals(before) || after.equals("0")) {
        throw new IllegalStateException(
            "a 200 after kill -9 " + before + " but MainPID is " + after + "\n" + vm.serialTail());
      }
      taken.add((readyAt - killedAt) / 1e6);
    }
    recorder.figure(
        new Figure(
            Metric.RESTART,
            Model.VIRTUAL_MACHINE,
            subject,
            taken,
            taken.size()
                + " kill(s) of the MainPID over ssh, clock from ssh's return to the first 200"
                + " from the new MainPID (systemd: Restart=on-failure, RestartSec=5)"));
  }

  void shutdown(Recorder recorder) throws Exception {
    if (vm == null) {
      recorder.progress("no VM was started");
      return;
    }
    try {
      recorder.progress("systemctl poweroff");
      vm.ssh("sudo systemctl poweroff");
      int exit = vm.awaitExit(Duration.ofMinutes(3));
      if (exit != 0) {
        throw new IllegalStateException(
            "qemu did not end cleanly within 3 min of poweroff (" + exit + ")\n" + vm.serialTail());
      }
    } finally {
      stop(vm);
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
      vm = null;
    }
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + vm.httpPort + "/");
  }

  private void needServing() {
    if (vm == null || bootToReady == null) {
      throw new IllegalStateException("no VM serving: the boot step did not succeed");
    }
  }

  private static void need(Object value, String what) {
    if (value == null) {
      throw new IllegalStateException("no " + what + ": an earlier VM step did not succeed");
    }
  }

  private static void stop(QemuVm vm) {
    try {
      vm.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
