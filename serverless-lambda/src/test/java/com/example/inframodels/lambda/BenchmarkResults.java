package com.example.inframodels.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * The lines that open and close every results file this module's benchmarks write: what was
 * measured, the one command that measures it again, and the machine as it was (load, cores,
 * niceness, JVM, commit), so that figures from a busy machine can be told from a quiet one.
 */
final class BenchmarkResults {

  private BenchmarkResults() {}

  /** The lines every results file of these benchmarks opens with. */
  static String header(String what, String command) {
    return "# "
        + what
        + "\n# command: "
        + command
        + "\n# started "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + ", load average "
        + loadAverage()
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " cores, nice "
        + niceness()
        + ", java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vendor")
        + "), commit "
        + commit()
        + "\n";
  }

  static String footer() {
    return "# finished "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + ", load average "
        + loadAverage()
        + "\n";
  }

  static String loadAverage() {
    try {
      String[] fields =
          Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The benchmark's scheduling priority, which the functions' JVMs inherit (field 19 of stat). */
  private static String niceness() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The commit measured, "-dirty" when the work tree differs from it. */
  private static String commit() {
    try {
      Process git =
          new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
              .redirectErrorStream(true)
              .start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }
}
