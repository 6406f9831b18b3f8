package com.example.inframodels.lambda;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.lambda.EmulatedFunction.Jit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Would a Lambda container image whose JVM carries an AppCDS archive of the function start twice as
 * fast as the zip on the managed runtime? Both run here under the same runtime client behind the
 * same emulator, with the managed runtime's JVM flags ({@link ManagedRuntimeJvm}); the image's JVM
 * adds {@code -XX:SharedArchiveFile=} an archive made by a training run of the same JVM on the same
 * class path ({@code -XX:ArchiveClassesAtExit}: a batch of contract events, then the runtime's JVM
 * stopped by SIGTERM so that it exits and writes the archive). CDS accepts an archive only on the
 * class path it was made with, so training and measurement start the JVM alike.
 *
 * <p>From the repository root (the script builds the jar and copies the runtime client first):
 *
 * <pre>
 * serverless-lambda/bench/run-main.sh AppCdsBenchmark serverless-lambda/results/appcds.txt
 * </pre>
 *
 * One figure is what {@link ColdStartBenchmark} measures: a fresh emulator's first invocation
 * ({@code GET /runtime} as an HTTP API event) until its answer. Zip and image alternate run by run.
 */
public final class AppCdsBenchmark {

  static final int RUNS = 9;

  static final int ROUNDS = 2;

  /**
   * USER_HZ, the unit of /proc's CPU times: 100 on every Linux build Lambda or this machine runs.
   */
  private static final long CLOCK_TICKS = 100;

  /** The function's memory, as template.yaml sets it; the heap flag follows from it. */
  static final int MEMORY_MB = 1024;

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
        ManagedRuntimeJvm.header(
            "AppCDS: cold starts of the zip (the JDK's default CDS archive) and of a container image"
                + " whose JVM adds the function's own dynamic AppCDS archive, both under"
                + " aws-lambda-rie with the runtime interface client, C1 only, "
                + ManagedRuntimeJvm.javaToolOptions(MEMORY_MB),
            command));

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
        "# key\tpackaging\tround\truns (ms)\tmedian (ms)\tJVM CPU runs (ms)\tJVM CPU median (ms)\n");
    int runs = Integer.getInteger("appcds.runs", RUNS);
    for (int round = 1; round <= ROUNDS; round++) {
      Map<String, List<Long>> millis = new LinkedHashMap<>();
      Map<String, List<Long>> cpu = new LinkedHashMap<>();
      for (int run = 0; run < runs; run++) {
        for (Map.Entry<String, String> handler : handlers.entrySet()) {
          for (String packaging : List.of("zip", "image")) {
            String key = handler.getKey() + "\t" + packaging;
            long[] start = coldStart(jar, handler, packaging, archiveOf.get(handler.getKey()));
            millis.computeIfAbsent(key, k -> new ArrayList<>()).add(start[0]);
            cpu.computeIfAbsent(key, k -> new ArrayList<>()).add(start[1]);
          }
        }
      }
      for (String key : millis.keySet()) {
        String line =
            key
                + "\t"
                + round
                + "\t"
                + millis.get(key)
                + "\t"
                + ManagedRuntimeJvm.median(millis.get(key))
                + "\t"
                + cpu.get(key)
                + "\t"
                + ManagedRuntimeJvm.median(cpu.get(key));
        System.out.println(line);
        out.append(line).append('\n');
      }
    }
    out.append(ManagedRuntimeJvm.footer());
    Files.createDirectories(results.toAbsolutePath().getParent());
    Files.writeString(results, out.toString());
    System.out.println("written to " + results);
  }

  /**
   * One cold start of the zip, or of the image with the handler's archive, as {@link
   * ColdStartBenchmark#measure} times it; fails unless the answer is a 200. Also the CPU time the
   * runtime's JVM has used by its first answer (all its threads: JIT, GC), which the machine's load
   * changes far less than the wall-clock time.
   *
   * @return the wall-clock and the CPU milliseconds
   */
  private static long[] coldStart(
      Path jar, Map.Entry<String, String> handler, String packaging, Path archive)
      throws Exception {
    String options = ManagedRuntimeJvm.javaToolOptions(MEMORY_MB);
    if (packaging.equals("image")) {
      options += " -XX:SharedArchiveFile=" + archive;
    }
    try (EmulatedFunction function =
        EmulatedFunction.start(
            jar,
            handler.getValue(),
            "appcds",
            Map.of("JAVA_TOOL_OPTIONS", options),
            Jit.MANAGED_RUNTIME)) {
      byte[] event = HttpApiEvents.getRuntime();
      Instant sent = Instant.now();
      EmulatedFunction.Answer answer = function.invoke(event, Duration.ofSeconds(120));
      long millis = Duration.between(sent, Instant.now()).toMillis();
      List<ProcessHandle> runtimes = function.runningRuntimes();
      long cpu = runtimes.size() == 1 ? cpuMillis(runtimes.get(0).pid()) : -1;
      if (answer.error() || HttpApiEvents.response(answer.body()).status() != 200 || cpu < 0) {
        throw new IllegalStateException(
            handler.getKey()
                + " "
                + packaging
                + " did not answer 200 from one runtime "
                + runtimes
                + ":\n"
                + function.logText());
      }
      return new long[] {millis, cpu};
    }
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
    String options =
        ManagedRuntimeJvm.javaToolOptions(MEMORY_MB) + " -XX:ArchiveClassesAtExit=" + archive;
    try (EmulatedFunction function =
        EmulatedFunction.start(
            jar,
            handler,
            "appcds-training",
            Map.of("JAVA_TOOL_OPTIONS", options),
            Jit.MANAGED_RUNTIME)) {
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
    String options =
        ManagedRuntimeJvm.javaToolOptions(MEMORY_MB)
            + " -XX:SharedArchiveFile="
            + archive
            + " -Xlog:class+load=info:file="
            + log;
    ColdStartBenchmark.ColdStart start =
        ColdStartBenchmark.measure(
            jar,
            handler,
            "appcds-check",
            Map.of("JAVA_TOOL_OPTIONS", options),
            Jit.MANAGED_RUNTIME);
    if (start.answer().error()) {
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
