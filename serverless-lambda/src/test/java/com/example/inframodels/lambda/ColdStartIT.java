package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Records each handler's cold start behind AWS's Runtime Interface Emulator, as the managed {@code
 * java21} runtime starts the JVM and with no JVM options, beside a do-nothing handler (and Spring
 * Cloud Function's sample, with {@code -Dscf.sample.jar=JAR}), over fresh JVMs. By default one
 * round into target/cold-start.txt; {@code -Dcold-start.results=results/cold-start.txt} makes it
 * the README's two rounds ({@link ColdStartBenchmark} has the command). A measurement kept with the
 * build, not a timed assertion: it checks that every function under each set-up has a median, which
 * only runs that answered 200 make.
 */
class ColdStartIT {

  @Test
  void recordsBothHandlersAndTheFloorUnderBothJvmSetUps() throws Exception {
    EmulatedFunction.emulator();
    String target = System.getProperty("cold-start.results", "");
    Path results = target.isBlank() ? Path.of("target", "cold-start.txt") : Path.of(target);
    int rounds = target.isBlank() ? 1 : 2;
    Optional<Path> sample =
        Optional.of(System.getProperty("scf.sample.jar", ""))
            .filter(s -> !s.isBlank())
            .map(Path::of);
    var functions = ColdStartBenchmark.functions(sample);

    String written = ColdStartBenchmark.compare(functions, rounds, command(target, sample));
    Files.createDirectories(results.toAbsolutePath().getParent());
    Files.writeString(results, written);
    System.out.print(written);

    assertThat(written.lines().filter(line -> !line.startsWith("#")))
        .as("a line for each function under each set-up in each round, each with a median")
        .hasSize(functions.size() * EmulatedFunction.Jit.values().length * rounds)
        .allSatisfy(line -> assertThat(line.split("\t")[4]).as(line).isNotEqualTo("-"));
  }

  private static String command(String target, Optional<Path> sample) {
    return "./mvnw -pl serverless-lambda -am verify -Dtest=NoSuchTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ColdStartIT"
        + (target.isBlank() ? "" : " -Dcold-start.results=" + target)
        + sample.map(path -> " -Dscf.sample.jar=" + path).orElse("");
  }
}
