package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.inframodels.core.contract.AccessLogContract;
import com.example.inframodels.core.contract.AdvisorHttpContract;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import com.example.inframodels.core.contract.HttpContractClient;
import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.ProcStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The distribution as an operator uses it: unpacked on a Debian machine with systemd, installed by
 * {@code install.sh}, started, sandboxed and supervised by the real unit. The whole contract runs
 * against it; then the JVM is killed (systemd must restart it) and stopped (cleanly).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemdServiceIT extends AdvisorHttpContract implements AccessLogContract {

  private static final String UNIT = "infra-advisor.service";

  /** When systemd started the unit's main process, in microseconds since the host booted. */
  private static final String START = "ExecMainStartTimestampMonotonic";

  private static SystemdHost host;
  private static ContractClient http;
  private static Duration installToReady;
  private static String installOutput;

  /** Where install.sh leaves the archive on a Java 17 host: a dynamic AppCDS archive. */
  private static final String ARCHIVE = "/opt/infra-advisor/start-archive.jsa";

  @BeforeAll
  static void installWithTheRealScript(@TempDir Path unpacked) throws Exception {
    Path dist = Path.of(System.getProperty("advisor.dist", "target/infra-advisor-dist.tar.gz"));
    assertThat(dist).as("the distribution built by `package`").isRegularFile();
    host = SystemdHost.boot();
    host.copyInDistribution(dist, unpacked);

    Instant start = Instant.now();
    ExternalCommand.Result install = host.runInstallScript();
    assertThat(install.exitCode()).as(install.describe()).isZero();
    installOutput = install.output();
    http = new HttpContractClient(URI.create("http://127.0.0.1:" + host.port + "/"));
    awaitReady("after install.sh");
    installToReady = Duration.between(start, Instant.now());
    System.out.println(
        "install.sh to readiness under systemd: " + installToReady.toMillis() + " ms");
  }

  @AfterAll
  static void removeTheHost() throws Exception {
    if (host != null) {
      host.close();
    }
  }

  @Override
  protected InetSocketAddress httpAddress() {
    return new InetSocketAddress("127.0.0.1", host.port);
  }

  /** The port infra-advisor.env gives ADVISOR_METRICS_PORT, published by the stand-in host. */
  @Override
  protected InetSocketAddress metricsAddress() {
    return new InetSocketAddress("127.0.0.1", host.metricsPort);
  }

  @Override
  protected ContractClient client() {
    return http;
  }

  @Test
  void reportsSystemdAsTheSupervisor() throws Exception {
    ContractResponse response = send(ContractRequest.get("/runtime"));

    JsonNode report = json(response);
    assertThat(report.get("supervisor").asString()).isEqualTo("systemd");
    assertThat(report.get("supervisorEvidence").get(0).asString()).startsWith("env INVOCATION_ID=");
    assertThat(report.get("model").asString())
        .as("the stand-in host is a podman container; evidence: %s", report.get("evidence"))
        .isEqualTo("CONTAINER");
  }

  @Test
  void runsTheJvmInsideTheSandboxTheUnitAsksFor() throws Exception {
    String pid = host.unitProperty(UNIT, "MainPID");
    Map<String, String> status = procStatus(pid);

    assertThat(host.unitProperty(UNIT, "ActiveState")).isEqualTo("active");
    assertThat(host.unitProperty(UNIT, "DynamicUser")).isEqualTo("yes");
    assertThat(status.get("Uid").split("\\s+")[0])
        .as("a transient user, not root")
        .isNotEqualTo("0");
    assertThat(status.get("CapEff")).as("no capabilities").isEqualTo("0000000000000000");
    assertThat(status.get("NoNewPrivs")).isEqualTo("1");
    assertThat(status.get("Seccomp")).as("a system call filter in force").isEqualTo("2");
    assertThat(mountOptions(pid, "/")).as("ProtectSystem=strict").startsWith("ro");
    assertThat(mountOptions(pid, "/proc"))
        .as("ProtectProc=invisible")
        .contains("hidepid=invisible");
    assertThat(host.journalLinesContaining(UNIT, "Failed to set up", "status=226", "status=217"))
        .as("no sandbox step failed, anywhere in the unit's journal")
        .isEmpty();
  }

  @Test
  void startsFromTheArchiveInstallShMadeWithTheHostsJvm() throws Exception {
    String pid = host.unitProperty(UNIT, "MainPID");

    assertThat(installOutput)
        .as("install.sh trained a start with /usr/bin/java")
        .contains("made " + ARCHIVE);
    assertThat(host.exec("cat", "/proc/" + pid + "/maps").output())
        .as("the service's JVM mapped the archive")
        .contains(ARCHIVE);
    assertThat(host.journalLinesContaining(UNIT, "[cds]", "[aot]", "missing or was made"))
        .as("the JVM took the archive without a word, and ExecStartPre= found it current")
        .isEmpty();
  }

  @Test
  @Order(Integer.MAX_VALUE - 2)
  void remakesTheArchiveBeforeTheNextStartWhenTheJarChanged() throws Exception {
    String before = host.unitProperty(UNIT, "MainPID");
    ExternalCommand.Result touch = host.exec("touch", "/opt/infra-advisor/app/infra-advisor.jar");

    // No wait for the job: the training start in ExecStartPre= may outlast exec's deadline.
    ExternalCommand.Result restart = host.exec("systemctl", "restart", "--no-block", UNIT);
    awaitAnotherMainPid(before, Duration.ofMinutes(6));
    awaitReady("after a restart with a changed jar");

    assertThat(touch.exitCode()).as(touch.describe()).isZero();
    assertThat(restart.exitCode()).as(restart.describe()).isZero();
    assertThat(host.journalLinesContaining(UNIT, "the archive is missing or was made for another"))
        .as("ExecStartPre= saw the stale archive%n%s", host.journalTail(UNIT))
        .isNotEmpty();
    assertThat(host.journalLinesContaining(UNIT, "made " + ARCHIVE))
        .as("and made a new one%n%s", host.journalTail(UNIT))
        .isNotEmpty();
    String pid = host.unitProperty(UNIT, "MainPID");
    assertThat(host.exec("cat", "/proc/" + pid + "/maps").output())
        .as("the restarted JVM mapped the new archive")
        .contains(ARCHIVE);
  }

  @Test
  @Order(Integer.MAX_VALUE - 1)
  void restartsTheJvmAfterItIsKilled() throws Exception {
    String before = host.unitProperty(UNIT, "MainPID");
    long startedBefore = Long.parseLong(host.unitProperty(UNIT, START));

    ExternalCommand.Result kill = host.exec("kill", "-9", before);
    Instant killedAt = Instant.now();
    String after = awaitAnotherMainPid(before, Duration.ofSeconds(60));
    awaitReady("after the restart");
    System.out.println(
        "kill -9 to ready again: " + Duration.between(killedAt, Instant.now()).toMillis() + " ms");

    assertThat(kill.exitCode()).as(kill.describe()).isZero();
    assertThat(host.journalLinesContaining(UNIT, "status=9/KILL"))
        .as("systemd saw its main process killed by the signal; %s", host.journalTail(UNIT))
        .isNotEmpty();
    assertThat(Long.parseLong(host.unitProperty(UNIT, START)))
        .as("the unit's main process %s was started after the kill", after)
        .isGreaterThan(startedBefore);
    assertThat(host.exec("cat", "/proc/" + after + "/cgroup").output())
        .as("the new JVM runs in the unit's own cgroup")
        .contains("/" + UNIT);
    assertThat(host.unitProperty(UNIT, "NRestarts")).isEqualTo("1");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void stopsCleanlyCountingSigtermAsSuccess() throws Exception {
    ExternalCommand.Result stop = host.exec("systemctl", "stop", UNIT);

    assertThat(stop.exitCode()).as(stop.describe()).isZero();
    assertThat(host.unitProperty(UNIT, "ActiveState")).isEqualTo("inactive");
    assertThat(host.unitProperty(UNIT, "Result"))
        .as("exit 143 is a success (SuccessExitStatus=143)%n%s", host.journalTail(UNIT))
        .isEqualTo("success");
    assertThat(host.journalLinesContaining(UNIT, "Graceful shutdown complete"))
        .as("Spring Boot's last word%n%s", host.journalTail(UNIT))
        .isNotEmpty();
  }

  /** The unit's journal: the service's output as it is, tagged with its SyslogIdentifier. */
  @Override
  public String logText() {
    try {
      return host.journal(UNIT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean isAccessLine(String line, String method, String path, int status) {
    return PlainAccessLine.of(method, path, status).test(line);
  }

  @Override
  public void checkAccessLine(String line, List<String> linesSinceMark) {
    assertThat(line).as("SyslogIdentifier= of the unit").contains(" infra-advisor[");
  }

  private static void awaitReady(String when) throws Exception {
    try {
      await("readiness of " + UNIT + " " + when)
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> http.send(ContractRequest.get("/actuator/health/readiness")).status(),
              status -> status == 200);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + host.journalTail(UNIT), e);
    }
  }

  /** Polls the unit's main PID until it is a process other than {@code before}. */
  private static String awaitAnotherMainPid(String before, Duration timeout) throws Exception {
    AtomicReference<String> seen = new AtomicReference<>("none");
    try {
      return await("systemd to start a new JVM after kill -9 " + before)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> {
                seen.set(host.unitProperty(UNIT, "MainPID"));
                return seen.get();
              },
              pid -> !pid.equals("0") && !pid.equals(before));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          String.format(
              "%s%nlast MainPID seen: %s; the unit is %s/%s%n%s",
              e.getMessage(),
              seen.get(),
              host.unitProperty(UNIT, "ActiveState"),
              host.unitProperty(UNIT, "SubState"),
              host.journalTail(UNIT)),
          e);
    }
  }

  private static Map<String, String> procStatus(String pid) throws Exception {
    ExternalCommand.Result status = host.exec("cat", "/proc/" + pid + "/status");
    assertThat(status.exitCode()).as(status.describe()).isZero();
    return ProcStatus.parse(status.output());
  }

  /** The options of the mount at {@code mountPoint} as the process sees it (mountinfo field 6). */
  private static String mountOptions(String pid, String mountPoint) throws Exception {
    ExternalCommand.Result mounts = host.exec("cat", "/proc/" + pid + "/mountinfo");
    assertThat(mounts.exitCode()).as(mounts.describe()).isZero();
    return mounts.lines().stream()
        .map(line -> line.split(" "))
        .filter(fields -> fields[4].equals(mountPoint))
        .reduce((first, second) -> second)
        .map(
            fields -> fields[5] + "," + String.join(" ", List.of(fields).subList(6, fields.length)))
        .orElseThrow(() -> new AssertionError("no mount at " + mountPoint + " for pid " + pid));
  }
}
