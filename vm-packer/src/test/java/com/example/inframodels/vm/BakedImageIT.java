package com.example.inframodels.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.inframodels.core.contract.AdvisorHttpContract;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import com.example.inframodels.core.contract.HttpContractClient;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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

  private static QemuVm vm;
  private static ContractClient http;

  @BeforeAll
  static void bakeAndBoot() throws Exception {
    Path packer = RequiredTool.onPath("packer");
    Path qemu = RequiredTool.onPath("qemu-system-x86_64");
    for (String tool : List.of("qemu-img", "mmdebstrap", "xorriso", "ssh", "ssh-keygen")) {
      RequiredTool.onPath(tool);
    }
    deleteRecursively(WORK);
    Files.createDirectories(WORK);

    Instant start = Instant.now();
    ExternalCommand.Result standIn =
        ExternalCommand.run(
            Duration.ofMinutes(20),
            List.of("bash", "src/test/base-image/build-debian-cloud-image.sh"));
    assertThat(standIn.exitCode()).as(standIn.describe()).isZero();
    Path sourceImage = Path.of(standIn.lines().get(standIn.lines().size() - 1));
    record("stand-in Debian cloud image ready in %d s (%s)", seconds(start), sourceImage);
    String accelerator = accelerator(qemu, sourceImage);

    PackerBake bake =
        PackerBake.run(
            packer,
            Path.of(System.getProperty("vm.packer.template", "target/packer-template")),
            sourceImage,
            Path.of(System.getProperty("vm.dist.dir", "target/packer-inputs/infra-advisor")),
            WORK.resolve("bake"),
            accelerator);
    record(
        "packer build (%s): %d s; image %s, %d bytes",
        accelerator, bake.took.toSeconds(), bake.image, Files.size(bake.image));

    vm = QemuVm.boot(qemu, bake.image, WORK.resolve("boot"), accelerator);
    http = new HttpContractClient(URI.create("http://127.0.0.1:" + vm.httpPort + "/"));
    awaitReady("after boot", Duration.ofMinutes(15));
    record(
        "boot to first 200 on readiness (%s): %d s",
        accelerator, Duration.between(vm.bootedAt, Instant.now()).toSeconds());
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
    assertThat(journal())
        .as("no sandbox step failed")
        .doesNotContain("Failed to set up", "status=226", "status=217");
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

  @Test
  @Order(Integer.MAX_VALUE - 2)
  void servedTheWholeContractWithTheJvmStartedAtBoot() throws Exception {
    assertThat(unitProperty("NRestarts"))
        .as("no restart since boot; journal:%n%s", journal())
        .isEqualTo("0");
  }

  @Test
  @Order(Integer.MAX_VALUE - 1)
  void restartsTheJvmAfterItIsKilled() throws Exception {
    String before = unitProperty("MainPID");
    int restartsBefore = Integer.parseInt(unitProperty("NRestarts"));

    ExternalCommand.Result kill = vm.ssh("sudo kill -9 " + before);
    Instant killedAt = Instant.now();
    String after =
        await("systemd to start a new JVM after kill -9 " + before)
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .ignoreExceptions()
            .until(() -> unitProperty("MainPID"), pid -> !pid.equals("0") && !pid.equals(before));
    awaitReady("after the restart", Duration.ofMinutes(5));
    record("kill -9 to ready again: %d ms", Duration.between(killedAt, Instant.now()).toMillis());

    assertThat(kill.exitCode()).as(kill.describe()).isZero();
    assertThat(after).isNotEqualTo(before);
    assertThat(unitProperty("NRestarts"))
        .as("one restart, for the one kill; journal:%n%s", journal())
        .isEqualTo(String.valueOf(restartsBefore + 1));
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void stopsTheServiceAndPowersOffCleanly() throws Exception {
    ExternalCommand.Result stop = vm.ssh("sudo systemctl stop " + UNIT);
    String result = unitProperty("Result");
    String journal = journal();

    vm.ssh("sudo systemctl poweroff");
    int exit = vm.awaitExit(Duration.ofMinutes(3));

    assertThat(stop.exitCode()).as(stop.describe()).isZero();
    assertThat(result).as("exit 143 counts as success; journal:%n%s", journal).isEqualTo("success");
    assertThat(journal).contains("Graceful shutdown complete");
    assertThat(exit).as("qemu ends when the guest powers off%n%s", vm.serialTail()).isZero();
    assertThat(Files.readString(vm.serialLog, java.nio.charset.StandardCharsets.ISO_8859_1))
        .as("the kernel's last word")
        .contains("reboot: Power down");
  }

  /** The unit's journal, also kept in target/vm-it/journal.log. */
  private static String journal() throws Exception {
    String journal = vm.sshOutput("sudo journalctl -u " + UNIT + " --no-pager");
    Files.writeString(WORK.resolve("journal.log"), journal);
    return journal;
  }

  private static String unitProperty(String name) throws Exception {
    return vm.sshOutput("systemctl show " + UNIT + " --property=" + name + " --value");
  }

  private static Map<String, String> procStatus(String pid) throws Exception {
    return ProcStatus.parse(vm.sshOutput("sudo cat /proc/" + pid + "/status"));
  }

  private static void awaitReady(String when, Duration timeout) throws Exception {
    try {
      await("readiness of " + UNIT + " " + when)
          .atMost(timeout)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(
              () -> http.send(ContractRequest.get("/actuator/health/readiness")).status(),
              status -> status == 200);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + vm.serialTail(), e);
    }
  }

  /** -Dvm.accelerator if given; else KVM where it boots a guest, software emulation elsewhere. */
  private static String accelerator(Path qemu, Path image) throws Exception {
    String chosen = System.getProperty("vm.accelerator", "");
    if (chosen.isBlank()) {
      chosen = QemuVm.kvmBoots(qemu, image, WORK.resolve("kvm-probe")) ? "kvm" : "tcg";
    }
    record("accelerator: %s", chosen);
    return chosen;
  }

  /** Printed, and kept in target/vm-it/measurements.txt for the README's figures. */
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
