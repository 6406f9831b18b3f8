package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.FreePorts;
import com.example.inframodels.testing.LaunchedProcess;
import com.example.inframodels.testing.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service as the real {@code install.sh --root} lays it out in a scratch directory, with its
 * start-up archive made by {@code start-archive.sh} for a chosen JVM, and started by the unit's own
 * {@code ExecStart=} line — /usr/bin/java and /opt/infra-advisor pointed at that JVM and that
 * directory, $VARIABLES split on whitespace as systemd splits them. Public for the comparison
 * harness, which passes this module's directory.
 */
public final class ExtractedInstall {

  static final Path DIST_SOURCES = Path.of("src/main/dist");
  static final Path UNIT_SOURCE = Path.of("src/main/systemd/infra-advisor.service");
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);

  /** A training start on a busy 2-core machine takes ~30 s; the script's own bound is 600 s. */
  private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(11);

  public final Path root;
  public final Path home;

  /** The unit file whose ExecStart= line {@link #execStart} runs. */
  private final Path unitSource;

  private ExtractedInstall(Path root, Path unitSource) {
    this.root = root;
    this.home = root.resolve("opt/infra-advisor");
    this.unitSource = unitSource;
  }

  /** Unpacks the distribution's files into {@code work} and installs them with --root. */
  static ExtractedInstall into(Path work) throws Exception {
    return into(work, Path.of(""), FatJarProcess.jar());
  }

  /** As {@link #into(Path)}, from the sources and the jar of this module at {@code module}. */
  public static ExtractedInstall into(Path work, Path module) throws Exception {
    return into(work, module, FatJarProcess.jar(module));
  }

  private static ExtractedInstall into(Path work, Path module, Path jar) throws Exception {
    Path bash = RequiredTool.onPath("bash");
    // The training start runs as nobody, who must be able to reach the jars.
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path dist = Files.createDirectory(work.resolve("dist"));
    Path root = Files.createDirectory(work.resolve("root"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String file : List.of("install.sh", "start-archive.sh", "infra-advisor.env")) {
      Files.copy(module.resolve(DIST_SOURCES).resolve(file), dist.resolve(file));
    }
    Path unitSource = module.resolve(UNIT_SOURCE);
    Files.copy(unitSource, dist.resolve("infra-advisor.service"));
    Files.copy(jar, dist.resolve("infra-advisor.jar"));
    ExternalCommand.Result install =
        ExternalCommand.run(
            SCRIPT_TIMEOUT,
            List.of(
                bash.toString(),
                dist.resolve("install.sh").toString(),
                "--root",
                root.toString(),
                "--no-start"));
    assertThat(install.exitCode()).as(install.describe()).isZero();
    return new ExtractedInstall(root, unitSource);
  }

  /** {@code start-archive.sh make} or {@code refresh}, as the JVM at {@code javaHome} would. */
  public ExternalCommand.Result archive(String action, Path javaHome) throws Exception {
    return ExternalCommand.run(
        TRAINING_TIMEOUT,
        List.of(
            "env",
            "ARCHIVE_HOME=" + home,
            "ARCHIVE_JAVA=" + javaHome.resolve("bin/java"),
            "JAVA_OPTS=" + javaOptions(),
            "sh",
            home.resolve("start-archive.sh").toString(),
            action));
  }

  /** The ARCHIVE_OPTS start-archive.sh left for the unit, empty if none. */
  public String archiveOptions() throws IOException {
    Path env = home.resolve("start-archive.env");
    return Files.exists(env) ? envValue(env, "ARCHIVE_OPTS") : "";
  }

  /** The JAVA_OPTS of the env file install.sh left, as the unit reads them. */
  public String javaOptions() throws IOException {
    return envValue(root.resolve("etc/infra-advisor/infra-advisor.env"), "JAVA_OPTS");
  }

  /** The unit's ExecStart= for the JVM at {@code javaHome}, with the archive options given. */
  public List<String> execStart(Path javaHome, String archiveOptions) throws IOException {
    String line =
        Files.readAllLines(unitSource).stream()
            .filter(l -> l.startsWith("ExecStart="))
            .findFirst()
            .orElseThrow()
            .substring("ExecStart=".length());
    String javaOptions = javaOptions();
    List<String> command = new ArrayList<>();
    for (String word : line.trim().split("\\s+")) {
      switch (word) {
        case "$JAVA_OPTS" -> command.addAll(words(javaOptions));
        case "$ARCHIVE_OPTS" -> command.addAll(words(archiveOptions));
        default ->
            command.add(
                word.replace("/usr/bin/java", javaHome.resolve("bin/java").toString())
                    .replace("/opt/infra-advisor", home.toString()));
      }
    }
    return command;
  }

  /** Starts the unit's command line on a free port (SERVER_PORT, as the env file sets it). */
  public UnitProcess start(Path javaHome, String archiveOptions, Path log) throws IOException {
    int port = FreePorts.one();
    Map<String, String> environment = new HashMap<>();
    environment.put("SERVER_PORT", Integer.toString(port));
    environment.put("INVOCATION_ID", null);
    environment.put("JOURNAL_STREAM", null);
    LaunchedProcess process =
        LaunchedProcess.start(
            execStart(javaHome, archiveOptions), environment, log, Duration.ofSeconds(30));
    return new UnitProcess(process, port);
  }

  /** A started command line and its port. */
  public record UnitProcess(LaunchedProcess process, int port) implements AutoCloseable {

    /** The files the JVM has mapped: a used archive is among them. */
    public String mappedFiles() throws IOException {
      return Files.readString(Path.of("/proc", Long.toString(process.pid()), "maps"));
    }

    @Override
    public void close() throws InterruptedException {
      process.close();
    }
  }

  static Optional<Path> jdk25() {
    Path home = Path.of(System.getProperty("advisor.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    return Files.isExecutable(home.resolve("bin/java")) ? Optional.of(home) : Optional.empty();
  }

  public static Path runningJdk() {
    return Path.of(System.getProperty("java.home"));
  }

  /** A systemd env file's value of {@code name}, without the quotes around the whole value. */
  static String envValue(Path file, String name) throws IOException {
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .filter(line -> line.startsWith(name + "="))
        .reduce((first, second) -> second)
        .map(line -> line.substring(name.length() + 1))
        .map(value -> value.replaceAll("^[\"']|[\"']$", ""))
        .orElse("");
  }

  private static List<String> words(String value) {
    return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }
}
