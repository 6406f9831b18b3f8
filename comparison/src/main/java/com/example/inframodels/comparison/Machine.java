package com.example.inframodels.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the stamp says about the machine, read from {@code /proc}, the OS and git. */
final class Machine {

  private Machine() {}

  static String description() {
    String cpu =
        lines(Path.of("/proc/cpuinfo")).stream()
            .filter(line -> line.startsWith("model name"))
            .map(line -> line.substring(line.indexOf(':') + 1).strip())
            .findFirst()
            .orElse("unknown CPU");
    long memKb =
        lines(Path.of("/proc/meminfo")).stream()
            .filter(line -> line.startsWith("MemTotal:"))
            .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
            .findFirst()
            .orElse(0L);
    return String.format(
        "%s, %d cores, %.0f GiB",
        cpu, Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0);
  }

  static String os() {
    String pretty =
        lines(Path.of("/etc/os-release")).stream()
            .filter(line -> line.startsWith("PRETTY_NAME="))
            .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
            .findFirst()
            .orElse(System.getProperty("os.name"));
    return pretty + ", Linux " + System.getProperty("os.version");
  }

  static String jvm() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
  }

  /** The one-minute load average. */
  static String loadAverage() {
    List<String> load = lines(Path.of("/proc/loadavg"));
    return load.isEmpty() ? "unknown" : load.get(0).split(" ")[0];
  }

  /** {@code HEAD}'s short hash, with "-dirty" when tracked files differ from it. */
  static String commit(Path repository) {
    Optional<String> head = git(repository, "rev-parse", "--short=12", "HEAD");
    if (head.isEmpty()) {
      return "unknown (not a git checkout)";
    }
    boolean dirty =
        git(repository, "status", "--porcelain", "--untracked-files=no")
            .map(status -> !status.isBlank())
            .orElse(false);
    return head.get() + (dirty ? "-dirty" : "");
  }

  private static Optional<String> git(Path repository, String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repository.toString()));
    command.addAll(List.of(arguments));
    try {
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(git.getInputStream().readAllBytes()).strip();
      if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(output);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
