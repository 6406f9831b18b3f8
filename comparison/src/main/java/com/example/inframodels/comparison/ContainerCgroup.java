package com.example.inframodels.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The memory a container's cgroup charges — what {@code podman stats} and {@code docker stats} show
 * as its usage — read from the cgroup file of the container's first process, on a cgroup v1 or v2
 * host.
 */
final class ContainerCgroup {

  static final Path ROOT = Path.of("/sys/fs/cgroup");

  private ContainerCgroup() {}

  /**
   * The usage file of the memory cgroup a process is in, from its {@code /proc/PID/cgroup}: v1's
   * {@code memory.usage_in_bytes} where a v1 memory controller holds it (also on hybrid hosts,
   * where the v2 hierarchy has no memory controller), else v2's {@code memory.current}.
   */
  static Optional<Path> usageFile(String procCgroup, Path root) {
    Optional<Path> unified = Optional.empty();
    for (String line : procCgroup.lines().toList()) {
      String[] fields = line.split(":", 3);
      if (fields.length < 3) {
        continue;
      }
      String group = fields[2].startsWith("/") ? fields[2].substring(1) : fields[2];
      for (String controller : fields[1].split(",")) {
        if (controller.equals("memory")) {
          return Optional.of(
              root.resolve("memory").resolve(group).resolve("memory.usage_in_bytes"));
        }
      }
      if (fields[0].equals("0") && fields[1].isEmpty()) {
        unified = Optional.of(root.resolve(group).resolve("memory.current"));
      }
    }
    return unified;
  }

  /** The bytes the cgroup of process {@code pid} charges, or why they cannot be read. */
  static Reading read(long pid) throws IOException {
    String procCgroup = Files.readString(Path.of("/proc", Long.toString(pid), "cgroup"));
    Optional<Path> file = usageFile(procCgroup, ROOT);
    if (file.isEmpty()) {
      return new Reading(-1, "no memory cgroup in /proc/" + pid + "/cgroup");
    }
    if (!Files.isReadable(file.get())) {
      return new Reading(-1, file.get() + " not readable");
    }
    return new Reading(Long.parseLong(Files.readString(file.get()).strip()), file.get().toString());
  }

  /**
   * @param bytes the usage, or -1 when it could not be read
   * @param source the file read, or why nothing could be
   */
  record Reading(long bytes, String source) {
    boolean ok() {
      return bytes >= 0;
    }
  }
}
