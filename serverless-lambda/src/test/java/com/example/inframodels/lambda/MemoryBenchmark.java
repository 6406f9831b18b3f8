package com.example.inframodels.lambda;

import com.example.inframodels.lambda.EmulatedFunction.Jit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resident memory of the Lambda runtime's JVM after warm-up: the function behind the emulator with
 * its JVM started as {@link Jit#MANAGED_RUNTIME} starts the managed runtime's, for {@value
 * EmulatedFunction#MEMORY_MB} MB, {@value #BATCHES} rounds of the contract events, then the JVM's
 * {@code /proc/PID/status}. From the repository root:
 *
 * <pre>
 * serverless-lambda/bench/run-main.sh MemoryBenchmark serverless-lambda/results/memory.txt
 * </pre>
 *
 * <p>VmRSS is what Lambda's "Max Memory Used" comes closest to; VmHWM is its peak so far.
 */
public final class MemoryBenchmark {

  static final int RUNS = 3;

  /** Rounds of {@link AppCdsBenchmark#CONTRACT_EVENTS} before the figures are read. */
  static final int BATCHES = 50;

  private static final List<String> FIELDS = List.of("VmRSS", "VmHWM", "RssAnon", "RssFile");

  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args.length > 0 ? args[0] : "serverless-lambda/results/memory.txt");
    Path jar = Path.of(System.getProperty("lambda.jar", "target/none.jar"));
    StringBuilder out = new StringBuilder();
    out.append(
        BenchmarkResults.header(
            "Resident memory of the runtime's JVM (/proc/PID/status, KiB) after "
                + BATCHES * AppCdsBenchmark.CONTRACT_EVENTS.size()
                + " contract invocations behind aws-lambda-rie",
            "serverless-lambda/bench/run-main.sh MemoryBenchmark " + results));
    out.append("# ").append(Jit.MANAGED_RUNTIME.describe(EmulatedFunction.MEMORY_MB)).append('\n');
    out.append("# key\trun\t").append(String.join("\t", FIELDS)).append('\n');
    Map<String, String> handlers = new LinkedHashMap<>();
    handlers.put("lean", LeanHandlerRuntimeIT.HANDLER);
    handlers.put("spring", SpringHandlerRuntimeIT.HANDLER);
    Map<String, List<Long>> rss = new LinkedHashMap<>();
    for (int run = 1; run <= RUNS; run++) {
      for (Map.Entry<String, String> handler : handlers.entrySet()) {
        Map<String, Long> status = warmedUp(jar, handler.getValue());
        rss.computeIfAbsent(handler.getKey(), k -> new ArrayList<>()).add(status.get("VmRSS"));
        StringBuilder line = new StringBuilder(handler.getKey() + "\t" + run);
        for (String field : FIELDS) {
          line.append('\t').append(status.get(field));
        }
        System.out.println(line);
        out.append(line).append('\n');
      }
    }
    out.append("# key\tmedian VmRSS (KiB)\n");
    for (Map.Entry<String, List<Long>> entry : rss.entrySet()) {
      out.append("median\t")
          .append(entry.getKey())
          .append('\t')
          .append(ColdStartRuns.median(entry.getValue()))
          .append('\n');
    }
    out.append(BenchmarkResults.footer());
    Files.createDirectories(results.toAbsolutePath().getParent());
    Files.writeString(results, out.toString());
    System.out.println("written to " + results);
  }

  /** A fresh function, warmed up, and its runtime JVM's memory figures in KiB. */
  static Map<String, Long> warmedUp(Path jar, String handler) throws Exception {
    return warmedUp(jar, handler, BATCHES * AppCdsBenchmark.CONTRACT_EVENTS.size());
  }

  /**
   * As {@link #warmedUp(Path, String)}, after {@code invocations} contract events, taken in the
   * contract's order over and over: the comparison warms every model up with the same number of
   * requests.
   *
   * @return VmRSS, VmHWM, RssAnon and RssFile of the runtime JVM, in KiB
   */
  public static Map<String, Long> warmedUp(Path code, String handler, int invocations)
      throws Exception {
    List<byte[]> events = AppCdsBenchmark.CONTRACT_EVENTS;
    try (EmulatedFunction function =
        EmulatedFunction.start(code, handler, "memory", Map.of(), Jit.MANAGED_RUNTIME)) {
      for (int invocation = 0; invocation < invocations; invocation++) {
        function.output(events.get(invocation % events.size()));
      }
      List<ProcessHandle> runtimes = function.runningRuntimes();
      if (runtimes.size() != 1) {
        throw new IllegalStateException("expected one runtime JVM, found " + runtimes);
      }
      return status(runtimes.get(0).pid());
    }
  }

  private static Map<String, Long> status(long pid) throws Exception {
    Map<String, Long> figures = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon);
      if (FIELDS.contains(name)) {
        figures.put(name, Long.parseLong(line.substring(colon + 1).replace("kB", "").strip()));
      }
    }
    if (!figures.keySet().containsAll(FIELDS)) {
      throw new IllegalStateException("/proc/" + pid + "/status lacks one of " + FIELDS);
    }
    return figures;
  }
}
