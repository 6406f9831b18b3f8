package com.example.inframodels.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program to completion within a deadline and keeps what it printed. */
public final class ExternalCommand {

  private ExternalCommand() {}

  /** Exit status and combined stdout + stderr of a finished program. */
  public record Result(List<String> command, int exitCode, String output) {

    /** For assertion messages: what ran, how it ended, what it said. */
    public String describe() {
      return String.join(" ", command) + " exited " + exitCode + ", output:\n" + output;
    }

    public List<String> lines() {
      return output.lines().toList();
    }
  }

  public static Result run(Duration timeout, List<String> command)
      throws IOException, InterruptedException {
    return run(timeout, null, command);
  }

  /** The same, in {@code directory} (the current one when {@code null}). */
  public static Result run(Duration timeout, Path directory, List<String> command)
      throws IOException, InterruptedException {
    // A file, not a pipe: nothing has to drain it while we wait, so a chatty
    // program cannot block on a full pipe buffer.
    Path log = Files.createTempFile("external-command", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory == null ? null : directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new AssertionError(
            String.join(" ", command)
                + " did not finish within "
                + timeout
                + ", output so far:\n"
                + read(log));
      }
      return new Result(List.copyOf(command), process.exitValue(), read(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  // Lenient decoding: a stray non-UTF-8 byte must not hide the rest of the output.
  private static String read(Path log) throws IOException {
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
  }
}
