package com.example.inframodels.comparison;

import com.example.inframodels.testing.ExternalCommand;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container engine's command line, the way container-jib's build and benchmark scripts use it:
 * podman, or whatever {@code ENGINE} names ({@code ENGINE=docker}). The harness starts containers
 * with it rather than through the engine's API so that the clock starts just before {@code run}, as
 * a user's or a script's start would.
 */
final class ContainerEngineCli {

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

  private final String engine;

  private ContainerEngineCli(String engine) {
    this.engine = engine;
  }

  /** The engine's name as the module's scripts pick it: {@code ENGINE}, else podman. */
  static String engineName() {
    String chosen = System.getenv("ENGINE");
    return chosen == null || chosen.isBlank() ? "podman" : chosen.strip();
  }

  /** The engine, if its program is on {@code PATH}. */
  static Optional<ContainerEngineCli> find() {
    String name = engineName();
    String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
    for (String dir : path.split(File.pathSeparator)) {
      Path program = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(program) && Files.isExecutable(program)) {
        return Optional.of(new ContainerEngineCli(program.toString()));
      }
    }
    return Optional.empty();
  }

  String name() {
    return Path.of(engine).getFileName().toString();
  }

  /** "podman version 4.3.1", for the notes. */
  String version() throws IOException, InterruptedException {
    return run("--version").strip();
  }

  boolean knowsImage(String image) throws IOException, InterruptedException {
    return ExternalCommand.run(COMMAND_TIMEOUT, List.of(engine, "image", "inspect", image))
            .exitCode()
        == 0;
  }

  void load(Path tar) throws IOException, InterruptedException {
    run("load", "--quiet", "--input", tar.toString());
  }

  void removeImage(String image) throws IOException, InterruptedException {
    run("rmi", "--force", image);
  }

  /** {@code run --detach} with these arguments (options, image, command); the container's id. */
  String runDetached(List<String> arguments) throws IOException, InterruptedException {
    List<String> words = new ArrayList<>(List.of("run", "--detach"));
    words.addAll(arguments);
    // The id is the last line: anything before it is the engine's warnings.
    List<String> lines = run(words.toArray(String[]::new)).strip().lines().toList();
    return lines.get(lines.size() - 1).strip();
  }

  /** The host's PID of the container's first process: the JVM, as the image's entrypoint. */
  long pid(String container) throws IOException, InterruptedException {
    return Long.parseLong(inspect(container, "{{.State.Pid}}"));
  }

  boolean running(String container) throws IOException, InterruptedException {
    return Boolean.parseBoolean(inspect(container, "{{.State.Running}}"));
  }

  int restartCount(String container) throws IOException, InterruptedException {
    return Integer.parseInt(inspect(container, "{{.RestartCount}}"));
  }

  /** The last lines the container printed, for failure messages; never throws. */
  String logTail(String container) {
    try {
      List<String> lines =
          ExternalCommand.run(COMMAND_TIMEOUT, List.of(engine, "logs", container)).lines();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException | InterruptedException | AssertionError e) {
      return "(no logs: " + e + ")";
    }
  }

  /** {@code rm --force}: stops it (even under a restart policy) and removes it. */
  void remove(String container) throws IOException, InterruptedException {
    run("rm", "--force", container);
  }

  private String inspect(String container, String format) throws IOException, InterruptedException {
    return run("inspect", "--format", format, container).strip();
  }

  private String run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(engine));
    command.addAll(List.of(arguments));
    ExternalCommand.Result result = ExternalCommand.run(COMMAND_TIMEOUT, command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(result.describe());
    }
    return result.output();
  }
}
