package com.example.inframodels.lambda;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.lambda.EmulatedFunction.Jit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Would a Lambda container image whose JVM carries an AppCDS archive of the function start twice as
 * fast as the zip on the managed runtime? Both run here under the same runtime client behind the
 * same emulator, started as {@link Jit#MANAGED_RUNTIME} starts the managed runtime's JVM; the
 * image's JVM adds {@code -XX:SharedArchiveFile=} an archive made by a training run of the same JVM
 * on the same class path ({@code -XX:ArchiveClassesAtExit}: a batch of contract events, then the
 * runtime's JVM stopped by SIGTERM so that it exits and writes the archive). CDS accepts an archive
 * only on the class path it was made with, so training and measurement start the JVM alike.
 *
 * <p>From the repository root (the script builds the jar and copies the runtime client first):
 *
 * <pre>
 * serverless-lambda/bench/run-main.sh AppCdsBenchmark serverless-lambda/results/appcds.txt
 * </pre>
 *
 * One figure is what {@link ColdStartBenchmark} measures: a fresh emulator's first invocation
 * ({@code GET /runtime} as an HTTP API event) until its answer. Zip and image alternate run by run.
 * As there, a run that did not answer 200 is listed with what went wrong and left out of the
 * medians ({@link ColdStartRuns}).
 */
public final class AppCdsBenchmark {

  static final int RUNS = 9;

  static final int ROUNDS = 2;

  /**
   * USER_HZ, the unit of /proc's CPU times: 100 on every Linux build Lambda or this machine runs.
   */
  private static final long CLOCK_TICKS = 100;

  /** Contract events of every kind: estimates, refusals, the runtime report. */
  static final List<byte[]> CONTRACT_EVENTS =
      List.of(
          HttpApiEvents.event(ContractRequest.get("/runtime")),
          HttpApiEvents.event(
              ContractRequest.postJson("/estimate", AdvisorContract.SAMPLE_WORKLOAD)),
          HttpApiEvents.event(
              ContractRequest.postJson("/estimate", AdvisorContract.FIXED_PEAK_WORKLOAD)),
          HttpApiEvents.event(ContractRequest.postJson("/estimate", "{\"requestsPerMonth\":-5}")),
          HttpApiEvents.event(ContractRequest.postJson("/estimate", "not json")),
          HttpApiEvents.event(ContractRequest.get("/estimate")),
          HttpApiEvents.event(ContractRequest.get("/nowhere")),
          AdvisorContract.SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8));

  private AppCdsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args.length > 0 ? args[0] : "serverless-lambda/results/appcds.txt");
    Path jar = Path.of(System.getProperty("lambda.jar", "target/none.jar"));
    Path archives = jar.toAbsolutePath().getParent().resolve("appcds");
    Files.createDirectories(archives);
    String command = "serverless-lambda/bench/run-main.sh AppCdsBenchmark " + results;
    StringBuilder out = new StringBuilder();
    out.append(
        BenchmarkResults.header(
            "AppCDS: cold starts of the zip (the JDK's default CDS archive) and of a container image"
                + " whose JVM adds the function's own dynamic AppCDS archive"
                + " (-XX:SharedArchiveFile), both under aws-lambda-rie with the runtime interface"
                + " client",
            command));
    out.append("# ").append(Jit.MANAGED_RUNTIME.describe(EmulatedFunction.MEMORY_MB)).append('\n');

    Map<String, String> handlers = new LinkedHashMap<>();
    handlers.put("lean", LeanHandlerRuntimeIT.HANDLER);
    handlers.put("spring", SpringHandlerRuntimeIT.HANDLER);
    Map<String, Path> archiveOf = new LinkedHashMap<>();
    for (Map.Entry<String, String> handler : handlers.entrySet()) {
      Path archive = archives.resolve(handler.getKey() + ".jsa");
      train(jar, handler.getValue(), archive);
      archiveOf.put(handler.getKey(), archive);
      out.append("# archive ")
          .append(handler.getKey())
          .append(": ")
          .append(Files.size(archive))
          .append(" bytes; ")
          .append(sharedClasses(jar, handler.getValue(), archive))
          .append('\n');
    }

    out.append(
        "# key\tpackaging\tround\tanswered runs (ms)\tmedian (ms)\tfailed runs"
            + "\tJVM CPU of the answered runs (ms)\tJVM CPU median (ms)\n");
    int runs = Integer.getInteger("appcds.runs", RUNS);
    for (int round = 1; round <= ROUNDS; round++) {
      Map<String, ColdStartRuns> millis = new LinkedHashMap<>();
      Map<String, List<Long>> cpu = new LinkedHashMap<>();
      for (int run = 0; run < runs; run++) {
        for (Map.Entry<String, String> handler : handlers.entrySet()) {
          for (String packaging : List.of("zip", "image")) {
            String key = handler.getKey() + "\t" + packaging;
            Start start =
                coldStart(jar, handler.getValue(), packaging, archiveOf.get(handler.getKey()));
            ColdStartRuns starts = millis.computeIfAbsent(key, k -> new ColdStartRuns());
            if (start.failure() == null) {
              starts.answered(start.millis());
              cpu.computeIfAbsent(key, k -> new ArrayList<>()).add(start.cpuMillis());
            } else {
              System.out.println(key + " failed: " + start.failure());
              starts.failed(start.millis(), start.failure());
            }
          }
        }
      }
      for (String key : millis.keySet()) {
        List<Long> cpuRuns = cpu.getOrDefault(key, List.of());
        String line =
            key
                + "\t"
                + round
                + "\t"
                + millis.get(key).columns()
                + "\t"
                + cpuRuns
                + "\t"
                + (cpuRuns.isEmpty() ? "-" : ColdStartRuns.median(cpuRuns));
        System.out.println(line);
        out.append(line).append('\n');
      }
    }
    out.append(BenchmarkResults.footer());
    Files.createDirectories(results.toAbsolutePath().getParent());
    Files.writeString(results, out.toString());
    System.out.println("written to " + results);
  }

  /** One cold start: wall-clock and JVM CPU milliseconds, and what went wrong, if anything. */
  record Start(long millis, long cpuMillis, String failure) {}

  /**
   * One cold start of the zip, or of the image with the handler's archive, timed as {@link
   * ColdStartBenchmark#measure} times it, with the failure it reports. Also the CPU time the
   * runtime's JVM has used by its first answer (all its threads: JIT, GC), which the machine's load
   * changes far less than the wall-clock time.
   */
  private static Start coldStart(Path jar, String handler, String packaging, Path archive)
      throws Exception {
    List<String> options =
        packaging.equals("image") ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    try (EmulatedFunction function =
        EmulatedFunction.start(jar, handler, "appcds", Map.of(), Jit.MANAGED_RUNTIME, options)) {
      byte[] event = HttpApiEvents.getRuntime();
      long sent = System.nanoTime();
      EmulatedFunction.Answer answer;
      try {
        answer = function.invoke(event, Duration.ofSeconds(120));
      } catch (IOException e) {
        return new Start(elapsedMillis(sent), -1, "no answer: " + e);
      }
      long millis = elapsedMillis(sent);
      List<ProcessHandle> runtimes = function.runningRuntimes();
      String failure = ColdStartBenchmark.failure(answer);
      if (failure == null && runtimes.size() != 1) {
        failure = "not one runtime JVM but " + runtimes;
      }
      return new Start(millis, failure == null ? cpuMillis(runtimes.get(0).pid()) : -1, failure);
    }
  }

  private static long elapsedMillis(long sentNanos) {
    return Duration.ofNanos(System.nanoTime() - sentNanos).toMillis();
  }

  /** utime + stime of {@code /proc/PID/stat} (fields 14 and 15), in milliseconds. */
  private static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS;
  }

  /**
   * The training run: the function under the emulator with {@code -XX:ArchiveClassesAtExit}, the
   * contract events sent three times, then its JVM stopped with SIGTERM, on which it writes the
   * archive as it exits.
   */
  static void train(Path jar, String handler, Path archive) throws Exception {
    Files.deleteIfExists(archive);
    try (EmulatedFunction function =
        EmulatedFunction.start(
            jar,
            handler,
            "appcds-training",
            Map.of(),
            Jit.MANAGED_RUNTIME,
            List.of("-XX:ArchiveClassesAtExit=" + archive))) {
      for (int round = 0; round < 3; round++) {
        for (byte[] event : CONTRACT_EVENTS) {
          function.output(event);
        }
      }
      for (ProcessHandle runtime : function.runningRuntimes()) {
        runtime.destroy();
        runtime.onExit().get(60, TimeUnit.SECONDS);
      }
      if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
        throw new IllegalStateException(
            "the training run wrote no archive at " + archive + ":\n" + function.logText());
      }
    }
  }

  /**
   * How many of the classes a cold start loads come from the function's archive ({@code
   * -Xlog:class+load}: "source: shared objects file (top)"), proof that the JVM accepted it.
   */
  static String sharedClasses(Path jar, String handler, Path archive) throws Exception {
    Path log = archive.resolveSibling(archive.getFileName() + ".class-load.log");
    Files.deleteIfExists(log);
    ColdStartBenchmark.ColdStart start =
        ColdStartBenchmark.measure(
            jar,
            handler,
            "appcds-check",
            Map.of(),
            Jit.MANAGED_RUNTIME,
            List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info:file=" + log));
    if (start.failure() != null) {
      throw new IllegalStateException("the check run failed:\n" + start.log());
    }
    List<String> lines = Files.readAllLines(log);
    long fromArchive = lines.stream().filter(l -> l.contains("shared objects file (top)")).count();
    long fromJdkArchive =
        lines.stream()
            .filter(l -> l.contains("shared objects file") && !l.contains("(top)"))
            .count();
    long loaded = lines.stream().filter(l -> l.contains("source:")).count();
    if (fromArchive == 0) {
      throw new IllegalStateException(
          "the JVM loaded no class from " + archive + ":\n" + start.log());
    }
    return "first invocation loaded "
        + loaded
        + " classes, "
        + fromArchive
        + " from this archive and "
        + fromJdkArchive
        + " from the JDK's";
  }
}
