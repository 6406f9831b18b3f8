package com.example.inframodels.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An external program a test depends on. Where it is missing the test is skipped with a reason that
 * names it, except in CI: the CI machine is provisioned with every tool, so there a missing one is
 * a broken build, not a reason to skip. CI is any non-empty value of the environment variable
 * {@code CI} other than {@code false} (in any case): runners set {@code CI=true}, others {@code
 * CI=1}.
 */
public final class RequiredTool {

  private RequiredTool() {}

  /** The executable {@code name} found on {@code PATH}. */
  public static Path onPath(String name) {
    return require(findOnPath(name), name + " not on PATH");
  }

  /** The executable {@code name} on {@code PATH}, if there is one: for a choice of programs. */
  public static Optional<Path> findOnPath(String name) {
    return Arrays.stream(
            Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(RequiredTool::isExecutableFile)
        .findFirst();
  }

  /** The executable at a fixed location, for programs that are looked up by absolute path. */
  public static Path at(Path executable) {
    Optional<Path> found = Optional.of(executable).filter(RequiredTool::isExecutableFile);
    return require(found, "no executable " + executable);
  }

  static Path require(Optional<Path> found, String reason) {
    require(found.isPresent(), reason);
    return found.get();
  }

  /**
   * Anything else a test needs from the machine (an engine that answers, say): skipped with {@code
   * reason} where it is missing, failed in CI.
   */
  public static void require(boolean present, String reason) {
    if (!present && runningInCi()) {
      throw new AssertionError(
          reason + " (CI=" + System.getenv("CI") + ": the CI machine must provide it)");
    }
    assumeTrue(present, reason);
  }

  private static boolean runningInCi() {
    return isCiValue(System.getenv("CI"));
  }

  /** Whether a value of {@code CI} means CI: set, not empty and not {@code false}. */
  static boolean isCiValue(String value) {
    return value != null && !value.isBlank() && !"false".equalsIgnoreCase(value.strip());
  }

  private static boolean isExecutableFile(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
