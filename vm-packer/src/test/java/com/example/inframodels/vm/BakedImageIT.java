package com.example.inframodels.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.AdvisorHttpContract;
import com.example.inframodels.core.contract.AdvisorPageChecks;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import com.example.inframodels.core.contract.HttpContractClient;
import com.example.inframodels.testing.Browser;
import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.ProcStatus;
import com.example.inframodels.testing.RequiredTool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The VM model end to end, on one machine: a stand-in for the Debian cloud image built from Debian
 * packages, the module's real Packer template baked against it, and a fresh VM booted from the
 * result. systemd in the guest starts the service at boot — the test only waits for it — and the
 * whole contract runs against it through qemu's port forward. Then the unit's sandbox is checked
 * from inside, the JVM is killed (systemd must restart it), and the VM is powered off cleanly.
 *
 * <p>Under software emulation (no /dev/kvm) this takes minutes; each step has its own deadline and
 * a failure shows the guest's serial console.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BakedImageIT extends AdvisorHttpContract {

  private static final String UNIT = "infra-advisor.service";
  private static final Path WORK = Path.of("target", "vm-it");

  /** The module's directory: the tests run in it. */
  private static final Path MODULE = Path.of("");

  /** When systemd started the unit's main process, in microseconds since the guest booted. */
  private static final String START = "ExecMainStartTimestampMonotonic";

  /** The contract's cases as they run here, for the test that says the whole contract passed. */
  @RegisterExtension
  static final ContractCases CONTRACT =
      new ContractCases(AdvisorContract.class, AdvisorHttpContract.class);

  private static QemuVm vm;
  private static ContractClient http;

  /** This run's own boot, from qemu's start to the first 200: what later bounds scale from. */
  private static Duration bootToReady;

  /** The JVM systemd started at boot: its PID and start time, read once it was ready. */
  private static String bootPid;

  private static String bootStart;

  @BeforeAll
  static void bakeAndBoot() throws Exception {
    Path packer = RequiredTool.onPath("packer");
    Path qemu = RequiredTool.onPath("qemu-system-x86_64");
    for (String tool : List.of("qemu-img", "mmdebstrap", "xorriso", "ssh", "ssh-keygen")) {
      RequiredTool.onPath(tool);
    }
    deleteRecursively(WORK);
    Files.createDirectories(WORK);
    record("run of %s", Instant.now().truncatedTo(ChronoUnit.SECONDS));

    String reuse = System.getProperty("vm.image", "");
    Path image;
    String accelerator;
    Bound boot;
    if (reuse.isBlank()) {
      PackerBake bake = bake(packer, qemu);
      image = bake.image;
      accelerator = bake.accelerator;
      // Booting is much the bake's first minutes again (kernel, cloud-init, systemd) plus the
      // JVM's start; the bake also installs a JRE, so three bakes' time is ample on any machine.
      boot =
          Bound.scaled(
              "packer build", bake.took, 3, Duration.ofMinutes(15), Duration.ofMinutes(60));
    } else {
      image = Path.of(reuse).toAbsolutePath();
      record("baked image of an earlier run (-Dvm.image): %s", image);
      accelerator = accelerator(qemu, image);
      boot = new Bound(Duration.ofMinutes(60), "3600 s: no bake in this run to scale from");
    }

    vm = QemuVm.boot(qemu, image, WORK.resolve("boot"), accelerator);
    record("qemu: %s; %s; host CPU: %s", vm.cpuOptions, qemuVersion(qemu), hostCpu());
    http = new HttpContractClient(URI.create("http://127.0.0.1:" + vm.httpPort + "/"));
    awaitReady("after boot", boot);
    bootToReady = Duration.between(vm.bootedAt, Instant.now());
    record("boot to first 200 on readiness (%s): %d s", vm.cpuOptions, bootToReady.toSeconds());
    bootPid = unitProperty("MainPID");
    bootStart = unitProperty(START);
  }

  /** The stand-in source image, then the module's template baked against it. */
  private static PackerBake bake(Path packer, Path qemu) throws Exception {
    Instant start = Instant.now();
    Path sourceImage = PackerBake.standInSourceImage(MODULE);
    record("stand-in Debian cloud image ready in %d s (%s)", seconds(start), sourceImage);
    String accelerator = accelerator(qemu, sourceImage);

    PackerBake bake =
        PackerBake.run(
            packer,
            Path.of(
                System.getProperty("vm.packer.template", PackerBake.template(MODULE).toString())),
            sourceImage,
            Path.of(System.getProperty("vm.dist.dir", PackerBake.distDir(MODULE).toString())),
            WORK.resolve("bake"),
            accelerator);
    record(
        "packer build (%s): %d s; image %s, %d bytes",
        accelerator, bake.took.toSeconds(), bake.image, Files.size(bake.image));
    return bake;
  }

  @AfterAll
  static void stopTheVm() throws Exception {
    if (vm != null) {
      vm.close();
    }
  }

  @Override
  protected InetSocketAddress httpAddress() {
    return new InetSocketAddress("127.0.0.1", vm.httpPort);
  }

  /** The image's service keeps infra-advisor.env's ADVISOR_METRICS_PORT, forwarded by qemu. */
  @Override
  protected InetSocketAddress metricsAddress() {
    return new InetSocketAddress("127.0.0.1", vm.metricsPort);
  }

  @Override
  protected ContractClient client() {
    return http;
  }

  @Test
  void reportsAVirtualMachineWithSystemdAsTheSupervisor() throws Exception {
    ContractResponse response = send(ContractRequest.get("/runtime"));

    JsonNode report = json(response);
    assertThat(report.get("model").asString()).isEqualTo("VIRTUAL_MACHINE");
    assertThat(report.get("evidence").toString()).as("qemu's DMI strings").contains("QEMU");
    assertThat(report.get("supervisor").asString()).isEqualTo("systemd");
  }

  @Test
  void runsTheServiceSystemdStartedAtBootInsideItsSandbox() throws Exception {
    String pid = unitProperty("MainPID");
    Map<String, String> status = procStatus(pid);

    assertThat(unitProperty("ActiveState")).isEqualTo("active");
    assertThat(unitProperty("UnitFileState")).as("enabled by install.sh").isEqualTo("enabled");
    assertThat(unitProperty("DynamicUser")).isEqualTo("yes");
    assertThat(status.get("Uid").split("\\s+")[0]).as("a transient user").isNotEqualTo("0");
    assertThat(status.get("CapEff")).as("no capabilities").isEqualTo("0000000000000000");
    assertThat(status.get("NoNewPrivs")).isEqualTo("1");
    assertThat(status.get("Seccomp")).as("a system call filter in force").isEqualTo("2");
    assertThat(journalLinesContaining("Failed to set up", "status=226", "status=217"))
        .as("no sandbox step failed, anywhere in the unit's journal")
        .isEmpty();
  }

  @Test
  void startsAtBootFromTheArchiveTheBakeMadeWithTheImagesJvm() throws Exception {
    String archive = "/opt/infra-advisor/start-archive.jsa";

    assertThat(vm.sshOutput("sudo grep -c 'java ' /opt/infra-advisor/start-archive.stamp"))
        .as("the bake stamped the archive with the JVM that made it")
        .isEqualTo("1");
    assertThat(vm.sshOutput("sudo cat /proc/" + bootPid + "/maps"))
        .as("the JVM systemd started at boot mapped the archive")
        .contains(archive);
    assertThat(journalLinesContaining("missing or was made", "training start", "[cds]"))
        .as("ExecStartPre= found the bake's archive current: none was made at boot")
        .isEmpty();
  }

  /** The page at {@code /}, in Chromium, as the service in the VM serves it through the forward. */
  @Test
  void servesThePageInABrowser() {
    try (Browser browser = Browser.headless()) {
      new AdvisorPageChecks(
              browser, URI.create("http://127.0.0.1:" + vm.httpPort + "/"), "VIRTUAL_MACHINE", "vm")
          .all();
    }
  }

  @Test
  void keepsNothingOfTheBakeInTheImage() throws Exception {
    ExternalCommand.Result buildUser = vm.ssh("getent passwd packer");

    assertThat(buildUser.exitCode())
        .as("the build user is gone: %s", buildUser.output())
        .isNotZero();
    assertThat(vm.sshOutput("sudo grep -rl packer /etc/sudoers.d/ || true"))
        .as("no sudo rule for it")
        .isEmpty();
    assertThat(
            vm.sshOutput(
                "sudo grep -rhiE '^\\s*PasswordAuthentication\\s+yes' /etc/ssh/sshd_config"
                    + " /etc/ssh/sshd_config.d/ || true"))
        .as("password logins were for the bake only")
        .isEmpty();
    assertThat(vm.sshOutput("sudo awk -F: '$2 !~ /^[!*]/ && $2 != \"\" {print $1}' /etc/shadow"))
        .as("no account with a password to log in with")
        .isEmpty();
    assertThat(vm.sshOutput("cat /etc/machine-id"))
        .as("a machine-id of this VM's own, made at its first boot")
        .matches("[0-9a-f]{32}");
    assertThat(vm.sshOutput("sudo cloud-init query v1.instance_id"))
        .as("cloud-init ran for this VM, not the bake")
        .startsWith("it-");
  }

  /**
   * After every other case of this class (the contract's have no order, so they run first): the
   * contract ran here in full and passed, and the JVM that served it is the one systemd started at
   * boot. Run alone, or after a filtered or skipped contract, it fails and names what did not run.
   */
  @Test
  @Order(Integer.MAX_VALUE - 2)
  void servedTheWholeContractWithTheJvmStartedAtBoot() throws Exception {
    assertThat(CONTRACT.notPassed())
        .as(
            "every one of the contract's %d cases ran against this VM and passed",
            CONTRACT.declared())
        .isEmpty();
    assertThat(unitProperty("MainPID"))
        .as("the JVM systemd started at boot still serves%n%s", journalTail())
        .isEqualTo(bootPid);
    assertThat(unitProperty(START)).as("and was never restarted in between").isEqualTo(bootStart);
    assertThat(unitProperty("NRestarts")).as("no restart since boot").isEqualTo("0");
  }

  @Test
  @Order(Integer.MAX_VALUE - 1)
  void restartsTheJvmAfterItIsKilled() throws Exception {
    String before = unitProperty("MainPID");
    long startedBefore = Long.parseLong(unitProperty(START));
    int restartsBefore = Integer.parseInt(unitProperty("NRestarts"));
    // A restart is the JVM's start alone, without the kernel and cloud-init: well within twice
    // the whole boot (on a slow machine, 269 s against a boot of 433 s).
    Bound restart =
        Bound.scaled(
            "boot to first 200", bootToReady, 2, Duration.ofMinutes(3), Duration.ofMinutes(30));

    ExternalCommand.Result kill = vm.ssh("sudo kill -9 " + before);
    Instant killedAt = Instant.now();
    String after = awaitAnotherMainPid(before, restart);
    awaitReady("after the restart", restart.minus(Duration.between(killedAt, Instant.now())));
    Duration killToReady = Duration.between(killedAt, Instant.now());
    record("kill -9 to ready again (%s): %d ms", vm.cpuOptions, killToReady.toMillis());

    assertThat(kill.exitCode()).as(kill.describe()).isZero();
    assertThat(journalLinesContaining("status=9/KILL"))
        .as("systemd saw its main process killed by the signal%n%s", journalTail())
        .isNotEmpty();
    assertThat(Long.parseLong(unitProperty(START)))
        .as("the unit's main process %s was started after the kill", after)
        .isGreaterThan(startedBefore);
    assertThat(vm.sshOutput("cat /proc/" + after + "/cgroup"))
        .as("the new JVM runs in the unit's own cgroup")
        .contains("/" + UNIT);
    assertThat(unitProperty("NRestarts"))
        .as("one restart, for the one kill%n%s", journalTail())
        .isEqualTo(String.valueOf(restartsBefore + 1));
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void stopsTheServiceAndPowersOffCleanly() throws Exception {
    ExternalCommand.Result stop = vm.ssh("sudo systemctl stop " + UNIT);
    String result = unitProperty("Result");
    String journal = journal();

    vm.ssh("sudo systemctl poweroff");
    // Shutting down is a fraction of booting; the boot's own time is ample.
    Bound powerOff =
        Bound.scaled(
            "boot to first 200", bootToReady, 1, Duration.ofMinutes(3), Duration.ofMinutes(15));
    int exit = vm.awaitExit(powerOff.limit());

    assertThat(stop.exitCode()).as(stop.describe()).isZero();
    assertThat(result).as("exit 143 counts as success%n%s", tail(journal)).isEqualTo("success");
    assertThat(journal.lines().filter(line -> line.contains("Graceful shutdown complete")))
        .as("Spring Boot's last word%n%s", tail(journal))
        .isNotEmpty();
    assertThat(exit)
        .as(
            "qemu ends when the guest powers off, within %s%n%s",
            powerOff.reason(), vm.serialTail())
        .isZero();
    assertThat(Files.readString(vm.serialLog, java.nio.charset.StandardCharsets.ISO_8859_1))
        .as("the kernel's last word")
        .contains("reboot: Power down");
  }

  /** The unit's whole journal, also kept in target/vm-it/journal.log. */
  private static String journal() throws Exception {
    String journal = vm.sshOutput("sudo journalctl -u " + UNIT + " --no-pager");
    Files.writeString(WORK.resolve("journal.log"), journal);
    return journal;
  }

  /** The lines of the unit's whole journal that contain any of {@code texts}. */
  private static List<String> journalLinesContaining(String... texts) throws Exception {
    return journal().lines().filter(line -> Stream.of(texts).anyMatch(line::contains)).toList();
  }

  /** The journal's last lines, short enough for a failure message. */
  private static String journalTail() throws Exception {
    return tail(journal());
  }

  private static String tail(String journal) {
    List<String> lines = journal.lines().toList();
    return "--- journal (last lines; all of it in target/vm-it/journal.log) ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  private static String unitProperty(String name) throws Exception {
    return vm.sshOutput("systemctl show " + UNIT + " --property=" + name + " --value");
  }

  private static Map<String, String> procStatus(String pid) throws Exception {
    return ProcStatus.parse(vm.sshOutput("sudo cat /proc/" + pid + "/status"));
  }

  private static void awaitReady(String when, Bound bound) throws Exception {
    AtomicReference<String> seen = new AtomicReference<>("no answer");
    try {
      await("readiness of " + UNIT + " " + when)
          .atMost(bound.limit())
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(
              () -> {
                int status = http.send(ContractRequest.get("/actuator/health/readiness")).status();
                seen.set("status " + status);
                return status;
              },
              status -> status == 200);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          String.format(
              "not ready %s within %s; last seen: %s%n%s",
              when, bound.reason(), seen.get(), vm.serialTail()),
          e);
    }
  }

  /** Polls the unit's main PID until it is a process other than {@code before}. */
  private static String awaitAnotherMainPid(String before, Bound bound) throws Exception {
    AtomicReference<String> seen = new AtomicReference<>("none");
    try {
      return await("systemd to start a new JVM after kill -9 " + before)
          .atMost(bound.limit())
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(
              () -> {
                seen.set(unitProperty("MainPID"));
                return seen.get();
              },
              pid -> !pid.equals("0") && !pid.equals(before));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          String.format(
              "no new main PID within %s; last MainPID seen: %s; the unit is %s/%s%n%s",
              bound.reason(),
              seen.get(),
              unitProperty("ActiveState"),
              unitProperty("SubState"),
              journalTail()),
          e);
    }
  }

  /** qemu's own first line of {@code --version}: how it emulates changes with the version. */
  private static String qemuVersion(Path qemu) throws Exception {
    ExternalCommand.Result version =
        ExternalCommand.run(Duration.ofMinutes(1), List.of(qemu.toString(), "--version"));
    return version.lines().isEmpty() ? "no version" : version.lines().get(0).strip();
  }

  /** The host's CPU model, for the measurements: emulation speed follows it. */
  private static String hostCpu() throws IOException {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(line -> line.startsWith("model name"))
            .map(line -> line.substring(line.indexOf(':') + 1).strip())
            .findFirst()
            .orElse("unknown")
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " cores";
  }

  /** -Dvm.accelerator if given; else KVM where it boots a guest, software emulation elsewhere. */
  private static String accelerator(Path qemu, Path image) throws Exception {
    String chosen = QemuVm.accelerator(qemu, image, WORK.resolve("kvm-probe"));
    record("accelerator: %s", chosen);
    return chosen;
  }

  /**
   * Printed, and kept in target/vm-it/measurements.txt: the README's figures come from copies of it
   * in results/ (ReadmeTest checks them against each other).
   */
  private static void record(String format, Object... args) throws IOException {
    String line = String.format(format, args);
    System.out.println(line);
    Files.writeString(
        WORK.resolve("measurements.txt"),
        line + System.lineSeparator(),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static long seconds(Instant since) {
    return Duration.between(since, Instant.now()).toSeconds();
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
