package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.ContractResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records each handler's cold start — JVM launch to the first response through the runtime client —
 * over fresh JVMs, into target/cold-start.txt. A measurement kept with the build, not a timed
 * assertion: only that every cold invocation answered is checked.
 */
class ColdStartIT {

  private static final int RUNS = 5;

  static final String TIERED_STOP_AT_C1 = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  @Test
  void recordsTheLeanHandlersColdStart() throws Exception {
    record("lean", coldStarts(LeanHandlerRuntimeIT.HANDLER));
  }

  @Test
  void recordsTheSpringHandlersColdStart() throws Exception {
    record("spring", coldStarts(SpringHandlerRuntimeIT.HANDLER));
  }

  /** The JVM options template.yaml sets: C1 only, which AWS suggests for short functions. */
  @Test
  void recordsBothHandlersWithTheTemplatesJvmOptions() throws Exception {
    Map<String, String> options = Map.of("JAVA_TOOL_OPTIONS", TIERED_STOP_AT_C1);
    Path jar = Path.of(System.getProperty("lambda.jar"));

    record("lean, " + TIERED_STOP_AT_C1, coldStarts(jar, LeanHandlerRuntimeIT.HANDLER, options));
    record(
        "spring, " + TIERED_STOP_AT_C1, coldStarts(jar, SpringHandlerRuntimeIT.HANDLER, options));
  }

  @Test
  void recordsAHelloWorldHandlersColdStartForComparison() throws Exception {
    record(
        "hello-world",
        coldStarts(Path.of("target/test-classes"), HelloWorldHandler.class.getName()));
  }

  private static List<Long> coldStarts(String handler) throws Exception {
    return coldStarts(Path.of(System.getProperty("lambda.jar")), handler);
  }

  private static List<Long> coldStarts(Path code, String handler) throws Exception {
    return coldStarts(code, handler, Map.of());
  }

  private static List<Long> coldStarts(Path code, String handler, Map<String, String> env)
      throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      ColdStartBenchmark.ColdStart start =
          ColdStartBenchmark.measure(code, handler, "cold-start", env);
      ContractResponse response = HttpApiEvents.response(start.answer().body());

      assertThat(response.status()).as(start.log()).isEqualTo(200);
      millis.add(start.millis());
    }
    return millis;
  }

  private static void record(String handler, List<Long> millis) throws IOException {
    String line =
        handler
            + " handler cold start (JVM launch to first response), "
            + RUNS
            + " runs: "
            + millis
            + " ms, median "
            + ColdStartBenchmark.median(millis)
            + " ms";
    System.out.println(line);
    Files.writeString(
        Path.of("target", "cold-start.txt"),
        line + System.lineSeparator(),
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }
}
