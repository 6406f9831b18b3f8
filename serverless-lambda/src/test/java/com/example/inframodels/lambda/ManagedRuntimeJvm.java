package com.example.inframodels.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The managed {@code java21} runtime's JVM as far as its memory goes, and what the benchmarks that
 * start it record about their run.
 *
 * <p>AWS documents only the JIT setting (C1 only, which {@link
 * EmulatedFunction.Jit#MANAGED_RUNTIME} sets). The rest is what users have printed from inside the
 * runtime ({@code ManagementFactory.getRuntimeMXBean().getInputArguments()}): {@code
 * -XX:MaxHeapSize} at 85% of the function's memory ({@code 445645k} at 512 MB), {@code
 * -XX:+UseSerialGC}, {@code -Xshare:on} with the runtime's own CDS archive ({@code
 * /var/lang/lib/server/runtime.jsa}), and {@code
 * -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac}, which hands {@code org.crac}'s calls
 * to the runtime client's CRaC context. The two memory flags are set here, through {@code
 * JAVA_TOOL_OPTIONS} as a function's own options would be; the archive is the JDK's default one.
 */
final class ManagedRuntimeJvm {

  /** The heap the runtime allows a function of {@code memoryMb}: 85% of it. */
  static long maxHeapKib(int memoryMb) {
    return memoryMb * 1024L * 85 / 100;
  }

  /** The managed runtime's memory flags for a function of {@code memoryMb}. */
  static String javaToolOptions(int memoryMb) {
    return "-XX:MaxHeapSize=" + maxHeapKib(memoryMb) + "k -XX:+UseSerialGC";
  }

  private ManagedRuntimeJvm() {}

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

  /** The middle run; of an even number, the upper of the middle two, as ColdStartBenchmark. */
  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
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
