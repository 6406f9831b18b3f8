package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.web.AdvisorHttpFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What this module's README tells a newcomer to type, checked against what the build does. */
class ReadmeTest {

  private static final Path MODULE_README = Path.of("README.md").toAbsolutePath();

  /** What bench/first-response.sh wrote, and the README's figures come from. */
  private static final Path RESULTS = Path.of("bench/results.txt");

  /** A summary line of the results, e.g. "median java-17-openjdk-amd64/unit: 3100 ms ...". */
  private static final Pattern SUMMARY =
      Pattern.compile(
          "^median (\\S+)/(\\S+): (\\d+) ms first 200, ratio (\\d+\\.\\d+)x, VmRSS (\\d+) MiB,"
              + " answered (\\d+), failed (\\d+)$",
          Pattern.MULTILINE);

  /**
   * The README's run command (the root README opens with it too), checked here word for word. Its
   * -DskipTests belongs to the user's command, not to this build: running the app should not wait
   * for the test suite, which the README's second command, ./mvnw verify, runs in full.
   */
  private static final String RUN_COMMAND =
      "./mvnw -pl baremetal-systemd -am package -DskipTests"
          + " && java -jar baremetal-systemd/target/infra-advisor.jar";

  @Test
  void metricsPortIsTheOneTheApplicationAndTheEnvFileSet() throws IOException {
    Properties app = new Properties();
    try (var reader =
        Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
      app.load(reader);
    }
    String port = app.getProperty("advisor.metrics.port");
    String env = Files.readString(Path.of("src/main/dist/infra-advisor.env"));
    String readme = Files.readString(MODULE_README);

    assertThat(port).isNotBlank();
    assertThat(env).containsPattern("(?m)^ADVISOR_METRICS_PORT=" + port + "$");
    assertThat(readme)
        .contains("`ADVISOR_METRICS_PORT` in the env file (" + port + ",")
        .contains("curl -s localhost:" + port + "/metrics");
  }

  @Test
  void namesTheAccessLoggerAndHowToTurnItOff() throws IOException {
    String logger = AdvisorHttpFilter.ACCESS_LOGGER;
    String readme = Files.readString(MODULE_README);

    assertThat(readme)
        .contains("`" + logger + "`")
        .as("Spring Boot's environment name for logging.level.%s", logger)
        .contains("LOGGING_LEVEL_" + logger.replace('.', '_').toUpperCase(Locale.ROOT) + "=WARN");
  }

  @Test
  void runCommandStartsTheJarThisModuleBuilds() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));

    assertThat(pom).contains("<finalName>infra-advisor</finalName>");
    assertThat(Files.readString(MODULE_README)).contains(RUN_COMMAND);
  }

  @Test
  void startUpFiguresAreTheOnesTheBenchmarkWrote() throws IOException {
    String results = Files.readString(RESULTS);
    String readme = Files.readString(MODULE_README);
    Matcher summary = SUMMARY.matcher(results);
    List<String> rows =
        summary
            .results()
            .map(
                m ->
                    String.format(
                        "| %s | %s | %s ms | %s× | %s MiB | %s of %s |",
                        m.group(1),
                        m.group(2),
                        m.group(3),
                        m.group(4),
                        m.group(5),
                        m.group(6),
                        Integer.parseInt(m.group(6)) + Integer.parseInt(m.group(7))))
            .toList();

    assertThat(rows)
        .as("a summary for each JVM and start in %s", RESULTS)
        .hasSizeGreaterThanOrEqualTo(8);
    assertThat(readme).contains(rows);
    assertThat(readme)
        .as("the README says when and under what load they were measured")
        .contains(results.lines().findFirst().orElseThrow());
  }
}
