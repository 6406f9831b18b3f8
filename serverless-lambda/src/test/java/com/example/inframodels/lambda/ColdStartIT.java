package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Records each handler's cold start behind AWS's Runtime Interface Emulator, as the managed {@code
 * java21} runtime starts the JVM (C1 only) and with the JVM's default JIT, beside a do-nothing
 * handler, over fresh JVMs, into target/cold-start.txt: one round of what {@code ColdStartBenchmark
 * --compare} writes for the README. A measurement kept with the build, not a timed assertion: only
 * that every cold invocation answered 200 is checked (the benchmark fails otherwise).
 */
class ColdStartIT {

  /** The managed runtime's C1-only JIT written as {@code JAVA_TOOL_OPTIONS}, as a template may. */
  @Test
  void recordsBothHandlersAndTheFloorUnderBothJits() throws Exception {
    EmulatedFunction.emulator();
    Path results = Path.of("target", "cold-start.txt");

    String written =
        ColdStartBenchmark.compare(ColdStartBenchmark.functions(), 1, "ColdStartIT (one round)");
    Files.writeString(results, written);
    System.out.print(written);

    assertThat(written.lines().filter(line -> !line.startsWith("#")))
        .as("a line for each function under each JIT")
        .hasSize(ColdStartBenchmark.functions().size() * EmulatedFunction.Jit.values().length);
  }
}
