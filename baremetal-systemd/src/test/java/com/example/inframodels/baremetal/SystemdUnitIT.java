package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.RequiredTool;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Checks the shipped unit file with systemd's own tools, and checks the settings that have to agree
 * with how the application shuts down.
 */
class SystemdUnitIT {

  /**
   * The unit in Spring Boot's documentation scores 9.2 (UNSAFE); this bound keeps the sandbox from
   * being weakened unnoticed.
   */
  private static final BigDecimal MAX_EXPOSURE = new BigDecimal("1.5");

  /**
   * Spring Boot's graceful-shutdown phase as the service configures it, if this module does not say
   * otherwise.
   */
  private static final Duration DEFAULT_GRACEFUL_SHUTDOWN = Duration.ofSeconds(20);

  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

  /** How the READMEs state the score, e.g. "scores **1.1 OK**". */
  private static final Pattern STATED_EXPOSURE =
      Pattern.compile("scores \\*\\*(\\d+\\.\\d) OK\\*\\*");

  private static final Pattern EXPOSURE =
      Pattern.compile("Overall exposure level for (\\S+): (\\d+(?:\\.\\d+)?)");

  private final Path unit =
      Path.of(System.getProperty("unit.file", "src/main/systemd/infra-advisor.service"))
          .toAbsolutePath();

  @Nested
  class CheckedBySystemd {

    @Test
    void verifiesWithoutWarningsAboutTheUnit() throws Exception {
      Path systemdAnalyze = RequiredTool.onPath("systemd-analyze");
      // verify checks that ExecStart's binary exists, so the JVM must be where the unit expects it.
      RequiredTool.at(Path.of("/usr/bin/java"));

      ExternalCommand.Result verify =
          ExternalCommand.run(
              TOOL_TIMEOUT, List.of(systemdAnalyze.toString(), "verify", unit.toString()));

      assertThat(verify.exitCode()).as(verify.describe()).isZero();
      // Warnings about other units on the machine are not ours to fix; only lines naming this unit
      // count.
      assertThat(verify.lines())
          .as(verify.describe())
          .noneMatch(line -> line.contains(unit.getFileName().toString()));
    }

    @Test
    void sandboxKeepsExposureAtOrBelowLimit() throws Exception {
      ExternalCommand.Result security = securityReport();

      assertThat(security.exitCode()).as(security.describe()).isZero();
      Matcher exposure = EXPOSURE.matcher(security.output());
      assertThat(exposure.find())
          .as("an overall exposure line in:\n%s", security.output())
          .isTrue();
      assertThat(exposure.group(1)).isEqualTo(unit.getFileName().toString());
      assertThat(new BigDecimal(exposure.group(2)))
          .as("overall exposure; lines marked ✗ are the open points:\n%s", security.output())
          .isLessThanOrEqualTo(MAX_EXPOSURE);
    }

    @Test
    void readmeStatesTheMeasuredScore() throws Exception {
      ExternalCommand.Result security = securityReport();
      Matcher measured = EXPOSURE.matcher(security.output());
      assertThat(measured.find()).as(security.describe()).isTrue();

      // The root README repeats this module's figure; app-core's DocumentationTest holds it to it.
      Path readme = Path.of("README.md");
      Matcher stated = STATED_EXPOSURE.matcher(Files.readString(readme));
      assertThat(stated.find()).as("%s states the unit's score", readme).isTrue();
      assertThat(stated.group(1)).as("score stated in %s", readme).isEqualTo(measured.group(2));
    }

    private ExternalCommand.Result securityReport() throws Exception {
      Path systemdAnalyze = RequiredTool.onPath("systemd-analyze");
      return ExternalCommand.run(
          TOOL_TIMEOUT,
          List.of(systemdAnalyze.toString(), "security", "--offline=true", unit.toString()));
    }
  }

  @Nested
  class JvmCompatibility {

    @Test
    void allowsWritableExecutableMemoryForTheJit() throws IOException {
      Map<String, List<String>> service = serviceSection();

      List<String> memoryDenyWriteExecute =
          service.getOrDefault("MemoryDenyWriteExecute", List.of());

      assertThat(memoryDenyWriteExecute)
          .as(
              "MemoryDenyWriteExecute=yes makes the JIT fail to map code; values found: %s",
              memoryDenyWriteExecute)
          .noneMatch(SystemdUnitIT::isTrue);
    }
  }

  @Nested
  class Shutdown {

    @Test
    void treatsExitStatusOfSigtermAsSuccess() throws IOException {
      Map<String, List<String>> service = serviceSection();

      List<String> successStatuses =
          service.getOrDefault("SuccessExitStatus", List.of()).stream()
              .flatMap(value -> Arrays.stream(value.trim().split("\\s+")))
              .toList();

      assertThat(successStatuses)
          .as("the JVM exits with 128+15 on SIGTERM; without it every stop is logged as a failure")
          .contains("143");
    }

    @Test
    void waitsLongerThanGracefulShutdownBeforeKilling() throws IOException {
      Map<String, List<String>> service = serviceSection();
      Duration graceful = gracefulShutdownTimeout();

      List<String> timeoutStop = service.getOrDefault("TimeoutStopSec", List.of());

      assertThat(timeoutStop).as("TimeoutStopSec= set in %s", unit).isNotEmpty();
      assertThat(parseTimeSpan(timeoutStop.get(timeoutStop.size() - 1)))
          .as(
              "TimeoutStopSec must exceed spring.lifecycle.timeout-per-shutdown-phase (%s), or systemd"
                  + " kills requests that Spring is still allowed to finish",
              graceful)
          .isGreaterThan(graceful);
    }
  }

  /** Assignments in [Service], in file order; a key assigned twice keeps both values. */
  private Map<String, List<String>> serviceSection() throws IOException {
    Map<String, List<String>> assignments = new LinkedHashMap<>();
    String section = "";
    for (String raw : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line;
        continue;
      }
      int equals = line.indexOf('=');
      if (section.equals("[Service]") && equals > 0) {
        assignments
            .computeIfAbsent(line.substring(0, equals).strip(), key -> new ArrayList<>())
            .add(line.substring(equals + 1).strip());
      }
    }
    return assignments;
  }

  /**
   * The module's own setting when it has one, so the unit and the application cannot drift apart.
   */
  private Duration gracefulShutdownTimeout() throws IOException {
    Path properties = Path.of("src/main/resources/application.properties");
    if (!Files.isRegularFile(properties)) {
      return DEFAULT_GRACEFUL_SHUTDOWN;
    }
    Properties loaded = new Properties();
    try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
      loaded.load(reader);
    }
    String value = loaded.getProperty("spring.lifecycle.timeout-per-shutdown-phase");
    return value == null ? DEFAULT_GRACEFUL_SHUTDOWN : parseSpringDuration(value.strip());
  }

  /**
   * Spring Boot's Duration syntax: ISO-8601 ("PT20S") or a number with an optional unit,
   * milliseconds if none.
   */
  private static Duration parseSpringDuration(String value) {
    if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
      return Duration.parse(value);
    }
    Matcher simple =
        Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)?").matcher(value.toLowerCase(Locale.ROOT));
    if (!simple.matches()) {
      throw new IllegalArgumentException("not a Spring Boot duration: " + value);
    }
    long amount = Long.parseLong(simple.group(1));
    String unit = simple.group(2) == null ? "ms" : simple.group(2);
    return switch (unit) {
      case "ns" -> Duration.ofNanos(amount);
      case "us" -> Duration.ofNanos(amount * 1_000);
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /**
   * systemd's time span syntax ("30", "30s", "1min 30s"): seconds if no unit. "infinity" is
   * rejected on purpose.
   */
  private static Duration parseTimeSpan(String value) {
    Matcher part =
        Pattern.compile("(\\d+)\\s*([a-z]*)\\s*").matcher(value.strip().toLowerCase(Locale.ROOT));
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.lookingAt()) {
      total = total.plus(timeSpanPart(Long.parseLong(part.group(1)), part.group(2), value));
      end = part.end();
      part.region(end, part.regionEnd());
    }
    if (end == 0 || end != part.regionEnd()) {
      throw new IllegalArgumentException("not a finite systemd time span: " + value);
    }
    return total;
  }

  private static Duration timeSpanPart(long amount, String unit, String whole) {
    if (unit.isEmpty() || Set.of("s", "sec", "second", "seconds").contains(unit)) {
      return Duration.ofSeconds(amount);
    }
    if (Set.of("ms", "msec").contains(unit)) {
      return Duration.ofMillis(amount);
    }
    if (Set.of("us", "usec").contains(unit)) {
      return Duration.ofNanos(amount * 1_000);
    }
    if (Set.of("m", "min", "minute", "minutes").contains(unit)) {
      return Duration.ofMinutes(amount);
    }
    if (Set.of("h", "hr", "hour", "hours").contains(unit)) {
      return Duration.ofHours(amount);
    }
    if (Set.of("d", "day", "days").contains(unit)) {
      return Duration.ofDays(amount);
    }
    throw new IllegalArgumentException(
        "unknown unit '" + unit + "' in systemd time span: " + whole);
  }

  private static boolean isTrue(String value) {
    return Set.of("1", "yes", "y", "true", "t", "on")
        .contains(value.strip().toLowerCase(Locale.ROOT));
  }
}
