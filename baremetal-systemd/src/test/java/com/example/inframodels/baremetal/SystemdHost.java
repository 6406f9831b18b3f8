package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.FreePorts;
import com.example.inframodels.testing.RequiredTool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Debian machine with systemd as PID 1, played by a podman container built from Debian packages
 * ({@code src/test/systemd-host/build-image.sh}). The service is installed in it by the real {@code
 * install.sh}, so systemd starts, sandboxes and supervises the real unit. Public for the comparison
 * harness, which passes this module's directory.
 */
public final class SystemdHost implements AutoCloseable {

  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
  static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  /** The image's build script, relative to the module's directory. */
  static final Path BUILD_IMAGE = Path.of("src/test/systemd-host/build-image.sh");

  /** Where {@code package} leaves the distribution, relative to the module's directory. */
  static final Path DIST = Path.of("target", "infra-advisor-dist.tar.gz");

  /** Where the distribution is unpacked in the host, and its install.sh. */
  static final String DIST_IN_HOST = "/root/infra-advisor";

  public final String name;

  /** The host's loopback port published to the service's 8080. */
  public final int port;

  /** The host's loopback port published to the service's metrics port, 9464. */
  public final int metricsPort;

  private final Path podman;

  private SystemdHost(Path podman, String name, int port, int metricsPort) {
    this.podman = podman;
    this.name = name;
    this.port = port;
    this.metricsPort = metricsPort;
  }

  /** Builds (or reuses) the image and boots it, publishing the service's ports 8080 and 9464. */
  static SystemdHost boot() throws Exception {
    return boot(Path.of(""));
  }

  /** As {@link #boot()}, with the image script of this module at {@code module}. */
  public static SystemdHost boot(Path module) throws Exception {
    Path podman = RequiredTool.onPath("podman");
    RequiredTool.onPath("mmdebstrap");
    ExternalCommand.Result build =
        ExternalCommand.run(
            BUILD_TIMEOUT,
            List.of("bash", module.resolve(BUILD_IMAGE).toAbsolutePath().toString()));
    assertThat(build.exitCode()).as(build.describe()).isZero();
    List<String> lines = build.lines();
    String image = lines.get(lines.size() - 1).strip();

    int[] ports = FreePorts.distinct(2);
    int port = ports[0];
    int metricsPort = ports[1];
    String name = "infra-advisor-systemd-" + ProcessHandle.current().pid() + "-" + port;
    ExternalCommand.Result run =
        ExternalCommand.run(
            COMMAND_TIMEOUT,
            List.of(
                podman.toString(),
                "run",
                "--detach",
                "--name",
                name,
                "--systemd=always",
                // Without these two, systemd inside a container cannot mount the hidden /proc that
                // ProtectProc=invisible asks for, and silently skips it; a real host's PID 1 has
                // them.
                "--cap-add=SYS_ADMIN,SYS_PTRACE",
                "--publish",
                "127.0.0.1:" + port + ":8080",
                "--publish",
                "127.0.0.1:" + metricsPort + ":9464",
                image));
    assertThat(run.exitCode()).as(run.describe()).isZero();
    SystemdHost host = new SystemdHost(podman, name, port, metricsPort);
    await("systemd in " + name + " to finish booting")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> host.exec("systemctl", "is-system-running").output().strip(),
            state -> state.equals("running") || state.equals("degraded"));
    return host;
  }

  public ExternalCommand.Result exec(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(List.of(podman.toString(), "exec", name));
    full.addAll(List.of(command));
    return ExternalCommand.run(COMMAND_TIMEOUT, full);
  }

  public void copyIn(Path source, String target) throws IOException, InterruptedException {
    ExternalCommand.Result copy =
        ExternalCommand.run(
            COMMAND_TIMEOUT,
            List.of(podman.toString(), "cp", source.toString(), name + ":" + target));
    assertThat(copy.exitCode()).as(copy.describe()).isZero();
  }

  /** The distribution {@code package} built in {@code module}. */
  public static Path distribution(Path module) {
    Path dist = module.resolve(DIST);
    assertThat(dist).as("the distribution built by `package`").isRegularFile();
    return dist;
  }

  /** Unpacks the distribution {@code dist} in {@code scratch} and copies it into the host. */
  public void copyInDistribution(Path dist, Path scratch) throws IOException, InterruptedException {
    ExternalCommand.Result untar =
        ExternalCommand.run(
            Duration.ofMinutes(1),
            List.of("tar", "-xzf", dist.toAbsolutePath().toString(), "-C", scratch.toString()));
    assertThat(untar.exitCode()).as(untar.describe()).isZero();
    copyIn(scratch.resolve("infra-advisor"), DIST_IN_HOST);
  }

  /** Runs the copied distribution's install.sh, as an operator would: it starts the service. */
  public ExternalCommand.Result runInstallScript() throws IOException, InterruptedException {
    return exec(DIST_IN_HOST + "/install.sh");
  }

  /** One property of a unit, as {@code systemctl show -p NAME --value} prints it. */
  public String unitProperty(String unit, String property)
      throws IOException, InterruptedException {
    ExternalCommand.Result show = exec("systemctl", "show", unit, "-p", property, "--value");
    assertThat(show.exitCode()).as(show.describe()).isZero();
    return show.output().strip();
  }

  /** The unit's whole journal: what a check for a failed step must read, from its first line. */
  public String journal(String unit) throws IOException, InterruptedException {
    return exec("journalctl", "--unit", unit, "--no-pager").output();
  }

  /** The lines of the unit's whole journal that contain any of {@code texts}. */
  List<String> journalLinesContaining(String unit, String... texts)
      throws IOException, InterruptedException {
    return journal(unit).lines().filter(line -> Stream.of(texts).anyMatch(line::contains)).toList();
  }

  /** The journal's last lines, short enough for a failure message. */
  public String journalTail(String unit) throws IOException, InterruptedException {
    List<String> lines = journal(unit).lines().toList();
    return "--- journal (last lines) ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  /** The host's PID of the container's init (systemd), whose descendants run its services. */
  public long initPid() throws IOException, InterruptedException {
    ExternalCommand.Result inspect =
        ExternalCommand.run(
            COMMAND_TIMEOUT,
            List.of(podman.toString(), "inspect", "--format", "{{.State.Pid}}", name));
    assertThat(inspect.exitCode()).as(inspect.describe()).isZero();
    return Long.parseLong(inspect.output().strip());
  }

  @Override
  public void close() throws IOException, InterruptedException {
    ExternalCommand.run(
        COMMAND_TIMEOUT, List.of(podman.toString(), "rm", "--force", "--time", "0", name));
  }
}
