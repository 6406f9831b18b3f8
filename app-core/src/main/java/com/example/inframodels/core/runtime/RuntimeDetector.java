package com.example.inframodels.core.runtime;

import com.example.inframodels.core.InfrastructureModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the infrastructure model from what the instance can observe about itself.
 *
 * <p>The checks run from the most specific model to the least: a Lambda function runs in a
 * container on a virtual machine, and a container usually runs on a VM too, so the innermost layer
 * found decides. Bare metal is what remains when no layer is found.
 */
public final class RuntimeDetector {

  static final List<String> LAMBDA_VARIABLES =
      List.of("AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT");

  static final List<String> CONTAINER_MARKER_FILES = List.of("/.dockerenv", "/run/.containerenv");

  static final Pattern CONTAINER_CGROUP =
      Pattern.compile("(docker|kubepods|libpod|containerd|lxc|crio)", Pattern.CASE_INSENSITIVE);

  /**
   * DMI vendor or product names that only virtual hardware reports. Not vendors that also sell
   * physical machines under the same name (Microsoft's Surface reports "Microsoft Corporation"; its
   * Hyper-V guests say "Virtual Machine" as the product).
   */
  static final Pattern HYPERVISOR_DMI =
      Pattern.compile(
          "(QEMU|KVM|VMware|VirtualBox|innotek|Xen|Bochs|Parallels|BHYVE|"
              + "Virtual Machine|Google Compute Engine|OpenStack)",
          Pattern.CASE_INSENSITIVE);

  static final Pattern CPU_FLAGS = Pattern.compile("(?m)^flags\\s*:(.*)$");

  /** cgroup v1 reports "no limit" as a page-rounded Long.MAX_VALUE. */
  private static final long CGROUP_V1_UNLIMITED = 1L << 60;

  private final SystemView system;
  private final StartupClock clock;

  public RuntimeDetector(SystemView system, StartupClock clock) {
    this.system = system;
    this.clock = clock;
  }

  public RuntimeReport detect() {
    List<String> evidence = new ArrayList<>();
    InfrastructureModel model = model(evidence);
    List<String> supervisorEvidence = new ArrayList<>();
    String supervisor = supervisor(supervisorEvidence);
    return new RuntimeReport(
        model,
        List.copyOf(evidence),
        supervisor,
        List.copyOf(supervisorEvidence),
        uid().orElse(null),
        system.javaVersion(),
        system.javaVendor(),
        system.availableProcessors(),
        system.maxHeapBytes(),
        memoryLimit().orElse(null),
        clock.startupTime(system.jvmStartTime()).map(d -> d.toMillis()).orElse(null));
  }

  private InfrastructureModel model(List<String> evidence) {
    for (String name : LAMBDA_VARIABLES) {
      system.env(name).ifPresent(value -> evidence.add("env " + name + "=" + value));
    }
    system
        .env("AWS_EXECUTION_ENV")
        .filter(value -> value.startsWith("AWS_Lambda"))
        .ifPresent(value -> evidence.add("env AWS_EXECUTION_ENV=" + value));
    if (!evidence.isEmpty()) {
      return InfrastructureModel.SERVERLESS;
    }

    for (String file : CONTAINER_MARKER_FILES) {
      if (system.exists(file)) {
        evidence.add("file " + file + " exists");
      }
    }
    system
        .env("container")
        .filter(value -> !value.isBlank())
        .ifPresent(value -> evidence.add("env container=" + value));
    system
        .env("KUBERNETES_SERVICE_HOST")
        .ifPresent(value -> evidence.add("env KUBERNETES_SERVICE_HOST=" + value));
    system
        .read("/proc/1/cgroup")
        .flatMap(RuntimeDetector::containerCgroupLine)
        .ifPresent(line -> evidence.add("/proc/1/cgroup: " + line));
    if (!evidence.isEmpty()) {
      return InfrastructureModel.CONTAINER;
    }

    if (system.read("/proc/cpuinfo").map(RuntimeDetector::hasHypervisorFlag).orElse(false)) {
      evidence.add("/proc/cpuinfo: cpu flag 'hypervisor'");
    }
    for (String field : List.of("sys_vendor", "product_name")) {
      String path = "/sys/class/dmi/id/" + field;
      value(path)
          .filter(value -> HYPERVISOR_DMI.matcher(value).find())
          .ifPresent(value -> evidence.add(path + ": " + value));
    }
    value("/sys/hypervisor/type")
        .ifPresent(value -> evidence.add("/sys/hypervisor/type: " + value));
    if (!evidence.isEmpty()) {
      return InfrastructureModel.VIRTUAL_MACHINE;
    }

    evidence.add("no serverless, container or hypervisor marker found");
    value("/sys/class/dmi/id/sys_vendor")
        .ifPresent(value -> evidence.add("/sys/class/dmi/id/sys_vendor: " + value));
    return InfrastructureModel.BARE_METAL;
  }

  private String supervisor(List<String> evidence) {
    if (system.env("AWS_LAMBDA_RUNTIME_API").isPresent()) {
      evidence.add("env AWS_LAMBDA_RUNTIME_API is set: the Lambda runtime drives this process");
      return "lambda";
    }
    if (system.env("KUBERNETES_SERVICE_HOST").isPresent()) {
      evidence.add("env KUBERNETES_SERVICE_HOST is set: a kubelet runs this pod");
      return "kubernetes";
    }
    Optional<String> invocation = system.env("INVOCATION_ID");
    if (invocation.isPresent()) {
      evidence.add("env INVOCATION_ID=" + invocation.get() + ": started by systemd");
      system.env("JOURNAL_STREAM").ifPresent(v -> evidence.add("env JOURNAL_STREAM=" + v));
      return "systemd";
    }
    return null;
  }

  /**
   * The tightest memory limit on this process's cgroup and its ancestors: a container's limit, or
   * systemd's {@code MemoryMax=}. Inside a container the cgroup namespace makes the container's own
   * group the root, whose files sit at the top of {@code /sys/fs/cgroup}.
   */
  private Optional<Long> memoryLimit() {
    List<Long> limits = new ArrayList<>();
    String own = system.read("/proc/self/cgroup").orElse("");
    for (String line : own.lines().toList()) {
      if (line.startsWith("0::")) {
        for (String dir : selfAndAncestors(line.substring(3).strip())) {
          cgroupV2Limit(dir).ifPresent(limits::add);
        }
      } else if (line.matches("\\d+:[^:]*\\bmemory\\b[^:]*:.*")) {
        String path = line.substring(line.indexOf(':', line.indexOf(':') + 1) + 1).strip();
        for (String dir : selfAndAncestors(path)) {
          cgroupV1Limit(dir).ifPresent(limits::add);
        }
      }
    }
    if (limits.isEmpty()) {
      // No readable own group (e.g. /proc hidden): the root files a container sees.
      cgroupV2Limit("").ifPresent(limits::add);
      cgroupV1Limit("").ifPresent(limits::add);
    }
    return limits.stream().min(Long::compare);
  }

  /**
   * The memory limit of cgroup v2 group {@code dir} ("" for the root): bytes, or "max" for none,
   * which is not a number.
   */
  private Optional<Long> cgroupV2Limit(String dir) {
    return number("/sys/fs/cgroup" + dir + "/memory.max");
  }

  /** The memory limit of group {@code dir} in cgroup v1's memory hierarchy ("" for its root). */
  private Optional<Long> cgroupV1Limit(String dir) {
    return number("/sys/fs/cgroup/memory" + dir + "/memory.limit_in_bytes")
        .filter(limit -> limit < CGROUP_V1_UNLIMITED);
  }

  private Optional<Long> number(String path) {
    return value(path).flatMap(RuntimeDetector::parseLong);
  }

  /**
   * A one-value file's value, without the newline the kernel ends it with; empty when the file is
   * missing, unreadable or blank.
   */
  private Optional<String> value(String path) {
    return system.read(path).map(String::strip).filter(value -> !value.isEmpty());
  }

  /** "/a/b" → "/a/b", "/a", "" (the root, as a prefix for file paths). */
  private static List<String> selfAndAncestors(String path) {
    List<String> dirs = new ArrayList<>();
    String dir = path.equals("/") ? "" : path;
    while (true) {
      dirs.add(dir);
      if (dir.isEmpty()) {
        return dirs;
      }
      dir = dir.substring(0, dir.lastIndexOf('/'));
    }
  }

  /** The real user id, the first number of the "Uid:" line. */
  private Optional<Long> uid() {
    return system
        .read("/proc/self/status")
        .flatMap(
            status ->
                status
                    .lines()
                    .filter(line -> line.startsWith("Uid:"))
                    .findFirst()
                    .map(line -> line.substring(4).strip().split("\\s+")[0]))
        .flatMap(RuntimeDetector::parseLong);
  }

  private static Optional<String> containerCgroupLine(String cgroups) {
    return cgroups
        .lines()
        .filter(line -> CONTAINER_CGROUP.matcher(line).find())
        .findFirst()
        .map(String::strip);
  }

  private static boolean hasHypervisorFlag(String cpuinfo) {
    Matcher flags = CPU_FLAGS.matcher(cpuinfo);
    while (flags.find()) {
      for (String flag : flags.group(1).trim().split("\\s+")) {
        if (flag.toLowerCase(Locale.ROOT).equals("hypervisor")) {
          return true;
        }
      }
    }
    return false;
  }

  private static Optional<Long> parseLong(String value) {
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
