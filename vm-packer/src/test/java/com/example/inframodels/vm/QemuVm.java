package com.example.inframodels.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A fresh VM from a baked image, as a user boots one: a copy-on-write overlay of the image (the
 * image itself stays pristine), a NoCloud seed that creates a user with an SSH key, and qemu user
 * networking forwarding the service's port, its metrics port and SSH on loopback. The serial
 * console goes to a file, for failure messages.
 */
public final class QemuVm implements AutoCloseable {

  private static final String USER = "tester";

  public final int httpPort;
  public final int metricsPort;
  public final int sshPort;
  public final Path serialLog;
  public final Instant bootedAt;

  /** {@link System#nanoTime()} just before qemu was spawned: where a boot's clock starts. */
  public final long spawnedNanos;

  /** How qemu was told to run the guest's CPUs: {@code -accel ...} and {@code -cpu ...}, if any. */
  public final String cpuOptions;

  private final Path key;
  private final Process qemu;

  private QemuVm(
      int httpPort,
      int metricsPort,
      int sshPort,
      Path serialLog,
      Instant bootedAt,
      long spawnedNanos,
      String cpuOptions,
      Path key,
      Process qemu) {
    this.httpPort = httpPort;
    this.metricsPort = metricsPort;
    this.sshPort = sshPort;
    this.serialLog = serialLog;
    this.bootedAt = bootedAt;
    this.spawnedNanos = spawnedNanos;
    this.cpuOptions = cpuOptions;
    this.key = key;
    this.qemu = qemu;
  }

  public static QemuVm boot(Path qemuBinary, Path image, Path work, String accelerator)
      throws Exception {
    String accel = accel(accelerator);
    String cpu = System.getProperty("vm.cpu", "");
    Files.createDirectories(work);
    Path overlay = work.resolve("overlay.qcow2");
    Files.deleteIfExists(overlay);
    expectSuccess(
        ExternalCommand.run(
            Duration.ofMinutes(1),
            List.of(
                "qemu-img",
                "create",
                "-f",
                "qcow2",
                "-F",
                "qcow2",
                "-b",
                image.toAbsolutePath().toString(),
                overlay.toString())));

    Path key = work.resolve("id_ed25519");
    Files.deleteIfExists(key);
    Files.deleteIfExists(work.resolve("id_ed25519.pub"));
    expectSuccess(
        ExternalCommand.run(
            Duration.ofMinutes(1),
            List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())));
    Path seed = seed(work, Files.readString(work.resolve("id_ed25519.pub")).strip());

    int[] ports = FreePorts.distinct(3);
    int httpPort = ports[0];
    int metricsPort = ports[1];
    int sshPort = ports[2];
    Path serialLog = work.resolve("serial.log");
    List<String> command = new ArrayList<>();
    command.addAll(List.of(qemuBinary.toString(), "-accel", accel));
    if (!cpu.isBlank()) {
      command.addAll(List.of("-cpu", cpu));
    }
    command.addAll(
        List.of(
            "-m",
            "2048",
            "-smp",
            "2",
            "-drive",
            "file=" + overlay + ",if=virtio,format=qcow2",
            "-cdrom",
            seed.toString(),
            "-netdev",
            "user,id=n0,hostfwd=tcp:127.0.0.1:"
                + httpPort
                + "-:8080,hostfwd=tcp:127.0.0.1:"
                + metricsPort
                + "-:9464,hostfwd=tcp:127.0.0.1:"
                + sshPort
                + "-:22",
            "-device",
            "virtio-net-pci,netdev=n0",
            "-display",
            "none",
            "-serial",
            "file:" + serialLog));
    long spawnedNanos = System.nanoTime();
    Process qemu =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("qemu.log").toFile())
            .start();
    return new QemuVm(
        httpPort,
        metricsPort,
        sshPort,
        serialLog,
        Instant.now(),
        spawnedNanos,
        "-accel " + accel + (cpu.isBlank() ? "" : " -cpu " + cpu),
        key,
        qemu);
  }

  /**
   * qemu's {@code -accel} for the accelerator. Under TCG, one host thread for both vCPUs unless
   * {@code -Dvm.tcg.thread=multi} ({@code -Dvm.cpu=MODEL} picks qemu's {@code -cpu}): with
   * multi-threaded TCG (a host thread per vCPU) the JVM in the guest crashed now and then while
   * starting — SIGSEGV at the entry of a C1-compiled method ({@code
   * CharacterDataLatin1.toLowerCase}), about once in eight starts with Debian 12's qemu 7.2. A C1
   * method's entry is where HotSpot patches in a jump when it makes the method not entrant, mostly
   * to make way for its C2 version, while the other vCPU may be running it: code modified across
   * CPUs, which TCG must notice and retranslate.
   *
   * <p>Tried on 2026-12-02 (qemu 7.2.22, Debian's 1:7.2+dfsg-7+deb12u18; default CPU model, which
   * the guest sees as "QEMU Virtual CPU version 2.5+"; guest JDK 17.0.21; a host load average of 8
   * to 10 from other work, a second VM running most of the time; vm-packer/results/tcg-multi.log):
   * multi-threaded with the image's JVM options, one boot, 2 starts completed without a crash, boot
   * to first 200 in 506 s, kill -9 to ready in 283 s; with {@code -XX:TieredStopAtLevel=1} added to
   * the guest's JVM (C1 only: nothing is recompiled by C2, so far fewer entries are patched), three
   * boots and 11 starts without a crash, boot to first 200 in 345, 331 and 200 s, kill -9 to ready
   * in 105 to 229 s. The IT, single-threaded, in the same hour: boots of 711 and 413 s, restarts of
   * 374 and 205 s (results/2026-12-02T0442Z-single.txt, T0510Z). CPU models were not tried. Eleven
   * starts cannot tell one crash in eight from none, and that flag would make the JVM under test
   * differ from the one the image runs: single-threaded it stays.
   */
  public static String accel(String accelerator) {
    if (!accelerator.equals("tcg")) {
      return accelerator;
    }
    return "tcg,thread=" + System.getProperty("vm.tcg.thread", "single");
  }

  /**
   * Whether KVM really runs a guest here: {@code /dev/kvm} can exist and open and still fail on the
   * first instructions of a boot loader (as in some nested setups), so a disk is booted with it
   * until its kernel speaks on the serial console.
   */
  /**
   * {@code -Dvm.accelerator} if given; else {@code kvm} where it boots {@code image} here (probed
   * in {@code work}), {@code tcg} (software emulation) elsewhere.
   */
  public static String accelerator(Path qemuBinary, Path image, Path work) throws Exception {
    String chosen = System.getProperty("vm.accelerator", "");
    if (!chosen.isBlank()) {
      return chosen;
    }
    return kvmBoots(qemuBinary, image, work) ? "kvm" : "tcg";
  }

  static boolean kvmBoots(Path qemuBinary, Path image, Path work) throws Exception {
    Path kvm = Path.of("/dev/kvm");
    if (!Files.isReadable(kvm) || !Files.isWritable(kvm)) {
      return false;
    }
    Files.createDirectories(work);
    Path serial = work.resolve("kvm-probe-serial.log");
    Files.deleteIfExists(serial);
    Process probe =
        new ProcessBuilder(
                qemuBinary.toString(),
                "-accel",
                "kvm",
                "-m",
                "512",
                "-snapshot",
                "-drive",
                "file=" + image.toAbsolutePath() + ",if=virtio,format=qcow2",
                "-display",
                "none",
                "-nic",
                "none",
                "-serial",
                "file:" + serial)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("kvm-probe.log").toFile())
            .start();
    try {
      Instant deadline = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(deadline) && probe.isAlive()) {
        // The whole console: a kernel under KVM prints far more than a tail between two looks.
        if (Files.exists(serial)
            && Files.readString(serial, StandardCharsets.ISO_8859_1).contains("Linux version")) {
          return true;
        }
        Thread.sleep(250);
      }
      return false;
    } finally {
      probe.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** A NoCloud seed: this boot's instance and a user who may sudo, with the test's key. */
  private static Path seed(Path work, String publicKey) throws Exception {
    Path dir = work.resolve("seed");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("meta-data"),
        "instance-id: it-" + UUID.randomUUID() + "\nlocal-hostname: infra-advisor-vm\n");
    Files.writeString(
        dir.resolve("user-data"),
        String.join(
            "\n",
            "#cloud-config",
            "manage_etc_hosts: true",
            "users:",
            "  - name: " + USER,
            "    shell: /bin/bash",
            "    sudo: ALL=(ALL) NOPASSWD:ALL",
            "    ssh_authorized_keys:",
            "      - " + publicKey,
            ""));
    Path iso = work.resolve("seed.iso");
    Files.deleteIfExists(iso);
    expectSuccess(
        ExternalCommand.run(
            Duration.ofMinutes(1),
            List.of(
                "xorriso",
                "-as",
                "mkisofs",
                "-quiet",
                "-V",
                "cidata",
                "-J",
                "-r",
                "-o",
                iso.toString(),
                dir.toString())));
    return iso;
  }

  /** Runs a command in the guest over SSH as the seed's user (sudo for root). */
  public ExternalCommand.Result ssh(String command) throws Exception {
    return ExternalCommand.run(
        Duration.ofMinutes(2),
        List.of(
            "ssh",
            "-i",
            key.toString(),
            "-p",
            String.valueOf(sshPort),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ConnectTimeout=10",
            "-o",
            "BatchMode=yes",
            USER + "@127.0.0.1",
            command));
  }

  /** The output of a command that must succeed in the guest, trimmed. */
  public String sshOutput(String command) throws Exception {
    ExternalCommand.Result result = ssh(command);
    assertThat(result.exitCode()).as("%s%n%s", result.describe(), serialTail()).isZero();
    return result.output().strip();
  }

  public boolean isRunning() {
    return qemu.isAlive();
  }

  /** Waits for qemu to end by itself (the guest powered off); its exit status, or -1. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    return qemu.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? qemu.exitValue() : -1;
  }

  public String serialTail() {
    return "--- serial console (last lines) ---\n" + PackerBake.tail(serialLog);
  }

  /** The qemu process's PID on the host, to read its {@code /proc/PID/status}. */
  public long pid() {
    return qemu.pid();
  }

  @Override
  public void close() throws InterruptedException {
    if (qemu.isAlive()) {
      qemu.destroy();
      if (!qemu.waitFor(10, TimeUnit.SECONDS)) {
        qemu.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static void expectSuccess(ExternalCommand.Result result) {
    assertThat(result.exitCode()).as(result.describe()).isZero();
  }
}
