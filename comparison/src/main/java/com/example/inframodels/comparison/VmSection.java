package com.example.inframodels.comparison;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The VM model: vm-packer's real Packer template baked against the stand-in Debian cloud image, the
 * result booted under qemu, and the service systemd starts in it measured through qemu's port
 * forward. One VM serves every figure after the boot, so the steps share it ({@link VmRun}); it
 * runs last, being by far the slowest.
 */
final class VmSection implements Section {

  static final String SUBJECT = "baked VM image, qemu ";

  /** What the bake and the boot run, as vm-packer's BakedImageIT requires them. */
  static final List<String> TOOLS =
      List.of(
          "packer", "qemu-system-x86_64", "qemu-img", "mmdebstrap", "xorriso", "ssh", "ssh-keygen");

  /** Load runs against the one VM: under TCG each takes its deadline, about a minute. */
  static final int LOAD_RUNS = 3;

  /** How long one answer may take from a guest emulated under TCG (see Load.Shape). */
  static final Duration EMULATED_REQUEST_TIMEOUT = Duration.ofMinutes(2);

  /**
   * At most this many kills: the unit allows 5 starts in 300 s (StartLimitBurst), the boot's start
   * is one of them, and a fast restart under KVM could reach the limit and leave the unit failed.
   */
  static final int MAX_RESTARTS = 3;

  /** Further kills are made only while the restarts so far, and one more like them, fit in this. */
  static final Duration RESTART_BUDGET = Duration.ofMinutes(4);

  @Override
  public String name() {
    return "vm";
  }

  @Override
  public List<Step> steps(Options options) {
    Path module = options.module("vm-packer");
    Optional<String> missing =
        missingTools(TOOLS, Objects.requireNonNullElse(System.getenv("PATH"), ""))
            .or(() -> missingInputs(module));
    if (missing.isPresent()) {
      String subject = subject(kvmDeviceUsable() ? "kvm" : "tcg");
      return List.of(
          new Step(
              "VM: tools and inputs",
              Duration.ofSeconds(1),
              recorder ->
                  recorder.skip(new Skipped(null, Model.VIRTUAL_MACHINE, subject, missing.get()))));
    }
    VmRun run =
        new VmRun(
            module,
            options.module("comparison").resolve("target/vm"),
            Math.min(options.runs(), MAX_RESTARTS));
    return List.of(
        new Step("VM: stand-in Debian cloud image", Duration.ofMinutes(4), run::standIn),
        new Step("VM: packer bake", Duration.ofMinutes(14), run::bake),
        new Step("VM: boot to first 200", Duration.ofMinutes(5), run::boot),
        new Step("VM: warm-up and memory", Duration.ofMinutes(1), run::memory),
        new Step(
            "VM: load",
            Duration.ofSeconds(LOAD_RUNS * 70L),
            recorder -> run.load(recorder, LOAD_RUNS)),
        new Step("VM: kill -9 restart", Duration.ofMinutes(5), run::restart),
        new Step("VM: shutdown", Duration.ofMinutes(1), run::shutdown));
  }

  /** The standard load, with a longer wait for one answer from a guest emulated under TCG. */
  static Load.Shape loadShape(String accelerator) {
    return "tcg".equals(accelerator)
        ? Load.Shape.STANDARD.withRequestTimeout(EMULATED_REQUEST_TIMEOUT)
        : Load.Shape.STANDARD;
  }

  /** The row's name: the model's artifact and the accelerator the boot used. */
  static String subject(String accelerator) {
    return SUBJECT + accelerator;
  }

  /** The first of {@code tools} no directory of {@code path} holds as an executable file. */
  static Optional<String> missingTools(List<String> tools, String path) {
    List<Path> dirs = new ArrayList<>();
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        dirs.add(Path.of(dir));
      }
    }
    for (String tool : tools) {
      boolean found =
          dirs.stream()
              .map(dir -> dir.resolve(tool))
              .anyMatch(file -> Files.isRegularFile(file) && Files.isExecutable(file));
      if (!found) {
        return Optional.of(tool + " not on PATH");
      }
    }
    return Optional.empty();
  }

  /** What vm-packer's {@code package} leaves for the bake, if it is not there. */
  static Optional<String> missingInputs(Path module) {
    Path template = module.resolve("target/packer-template/infra-advisor.pkr.hcl");
    Path dist = module.resolve("target/packer-inputs/infra-advisor");
    if (!Files.isRegularFile(template)) {
      return Optional.of("not built: vm-packer/target/packer-template missing");
    }
    if (!Files.isDirectory(dist)) {
      return Optional.of("not built: vm-packer/target/packer-inputs missing");
    }
    return Optional.empty();
  }

  /** Only to name the row of a skip: a real run probes KVM with a boot ({@code QemuVm}). */
  private static boolean kvmDeviceUsable() {
    Path kvm = Path.of("/dev/kvm");
    return Files.isReadable(kvm) && Files.isWritable(kvm);
  }

  /** {@code VmRSS} of a {@code /proc/PID/status} value ({@code "123456 kB"}) in MiB. */
  static double rssMib(String vmRss) {
    if (vmRss == null || !vmRss.strip().endsWith("kB")) {
      throw new IllegalArgumentException("no VmRSS in kB: " + vmRss);
    }
    String kib = vmRss.strip();
    return Long.parseLong(kib.substring(0, kib.length() - 2).strip()) / 1024.0;
  }

  /**
   * Whether to kill once more: fewer than {@code wanted} so far, and one more as long as the
   * slowest so far still fits in the budget.
   */
  static boolean anotherRestart(List<Double> takenMs, int wanted, Duration budget) {
    if (takenMs.isEmpty()) {
      return wanted > 0;
    }
    if (takenMs.size() >= wanted) {
      return false;
    }
    double spent = takenMs.stream().mapToDouble(Double::doubleValue).sum();
    double slowest = takenMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return spent + slowest <= budget.toMillis();
  }
}
