package com.example.inframodels.comparison;

import com.example.inframodels.baremetal.SystemdHost;
import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.ProcStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed unit in a booted {@link SystemdHost}, as the measurement drives it: systemctl
 * inside the host, its main process seen from both sides (the host's PID namespace and this
 * machine's), and the service through the published port.
 */
final class SystemdService {

  static final String UNIT = "infra-advisor.service";

  /** How the advisor's /runtime names the systemd invocation that started it. */
  private static final Pattern INVOCATION = Pattern.compile("INVOCATION_ID=([0-9a-f]+)");

  final SystemdHost host;

  SystemdService(SystemdHost host) {
    this.host = host;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + host.port + "/");
  }

  /** Runs {@code systemctl ARGS...} in the host; a non-zero exit fails with the journal. */
  void systemctl(String... arguments) throws IOException, InterruptedException {
    String[] command = new String[arguments.length + 1];
    command[0] = "systemctl";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    ExternalCommand.Result result = host.exec(command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(result.describe() + "\n" + host.journalTail(UNIT));
    }
  }

  /**
   * Forgets the unit's past starts. StartLimitBurst=5 in StartLimitIntervalSec=300 counts manual
   * starts and restarts alike, so without this a run of five or more would be refused.
   */
  void forgetStarts() throws IOException, InterruptedException {
    systemctl("reset-failed", UNIT);
  }

  /** The unit's main process in the host's PID namespace; fails when it has none. */
  long mainPid() throws IOException, InterruptedException {
    return mainPid(host.unitProperty(UNIT, "MainPID"));
  }

  /** VmRSS of the main process, read inside the host. */
  double residentMib() throws IOException, InterruptedException {
    long pid = mainPid();
    ExternalCommand.Result status = host.exec("cat", "/proc/" + pid + "/status");
    if (status.exitCode() != 0) {
      throw new IllegalStateException(status.describe());
    }
    return Resident.mib(status.output());
  }

  /** The invocation that answered {@code GET /runtime} now. */
  String currentInvocation() throws Exception {
    String body = ServiceProbe.runtime(baseUri());
    return invocationId(body)
        .orElseThrow(() -> new IllegalStateException("no INVOCATION_ID in /runtime: " + body));
  }

  /**
   * The main process as this machine sees it: the descendant of the host's init whose innermost PID
   * is {@code pidInHost}. Signalled from here, the kill happens when the clock says.
   */
  ProcessHandle mainProcessFromOutside(long pidInHost) throws IOException, InterruptedException {
    long init = host.initPid();
    return ProcessHandle.of(init)
        .orElseThrow()
        .descendants()
        .filter(process -> innermostPid(process.pid()).orElse(-1L) == pidInHost)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no process below the host's init (" + init + ") is its PID " + pidInHost));
  }

  private static Optional<Long> innermostPid(long pid) {
    try {
      return Optional.of(innermostPid(Files.readString(Path.of("/proc/" + pid + "/status"))));
    } catch (IOException | RuntimeException e) {
      // Gone since it was listed, or not readable: not the process looked for.
      return Optional.empty();
    }
  }

  /** {@code MainPID} as systemctl shows it; 0 means the unit has no main process. */
  static long mainPid(String value) {
    long pid = Long.parseLong(value.strip());
    if (pid == 0) {
      throw new IllegalStateException("the unit has no main process (MainPID=0)");
    }
    return pid;
  }

  /** The PID in the innermost namespace, the last of a status file's {@code NSpid} field. */
  static long innermostPid(String statusText) {
    String nsPid = ProcStatus.parse(statusText).get("NSpid");
    if (nsPid == null || nsPid.isBlank()) {
      throw new IllegalArgumentException("no NSpid in the status");
    }
    String[] pids = nsPid.split("\\s+");
    return Long.parseLong(pids[pids.length - 1]);
  }

  /** The systemd invocation ID the advisor's /runtime reports as its supervisor's evidence. */
  static Optional<String> invocationId(String runtimeBody) {
    Matcher matcher = INVOCATION.matcher(runtimeBody);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
