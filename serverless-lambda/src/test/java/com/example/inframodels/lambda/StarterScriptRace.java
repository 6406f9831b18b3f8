package com.example.inframodels.lambda;

/**
 * Testcontainers 2.0.5's {@code LocalStackContainer} start-up race, recognised in what the
 * container printed. Its entrypoint waits for {@code /testcontainers_start.sh} to exist and then
 * runs it, while the script is copied in after the container has started; a poll that lands during
 * the copy executes a file still open for writing, {@code sh} says {@code Text file busy} (ETXTBSY,
 * or {@code Permission denied} where the mode is applied after the write) and exits with 126, and
 * the start fails 60 s later as a wait for {@code Ready.} that timed out (testcontainers-java issue
 * 11682, pull request 11963, both open).
 */
final class StarterScriptRace {

  static final String STARTER_SCRIPT = "/testcontainers_start.sh";

  private StarterScriptRace() {}

  /** Whether {@code output}, a LocalStack container's, shows the script could not be executed. */
  static boolean seenIn(String output) {
    return output
        .lines()
        .anyMatch(
            line ->
                line.contains(STARTER_SCRIPT)
                    && (line.contains("Text file busy") || line.contains("Permission denied")));
  }
}
