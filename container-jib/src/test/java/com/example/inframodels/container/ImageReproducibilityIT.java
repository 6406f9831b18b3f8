package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds the image in a copy of the project this module is built in — the repository, or a copy
 * of the module on its own — and checks that the same sources give the same digest; that a change
 * to this module's own class changes the layer of its jar and nothing else; and that the business
 * module's jar has a layer of its own. All of this holds for the application image
 * (target/jib-image.tar); the image to run (target/jib-image-cds.tar) is that image's very layers
 * plus one holding the start-up archive, whose bytes differ from one dump to the next (see the
 * README), so the rebuilds here skip making it.
 *
 * <p>The rebuild differs from the build that runs this test in what one machine can vary: the
 * copy's files are new (copied without their attributes: other times, group-writable modes), and
 * the copy is built later, under umask 002 (a user's default where each user has a group of their
 * own), in another time zone ({@value #OTHER_TIME_ZONE}) and another locale (Turkish, whose case
 * rules break naive lower-casing). It shares the JDK, the Maven, the user and the local repository
 * with this build; {@code .ci/reproducibility} compares two whole builds the same way, from two
 * clones. (A umask that takes read bits away, 077, changes every jar: jar entries keep their files'
 * modes.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageReproducibilityIT {

  private static final Set<String> NOT_COPIED = Set.of("target", ".idea", ".vscode");
  private static final String OTHER_TIME_ZONE = "Pacific/Kiritimati";
  private static final Set<PosixFilePermission> GROUP_WRITABLE =
      PosixFilePermissions.fromString("rw-rw-r--");
  private static final Set<PosixFilePermission> GROUP_WRITABLE_EXECUTABLE =
      PosixFilePermissions.fromString("rwxrwxr-x");

  @TempDir static Path copy;

  private static Path original;

  /** The module's directory inside the copy. */
  private static Path module;

  /** {@code -pl MODULE -am} when the module is part of a larger build, else nothing. */
  private static List<String> projectSelection;

  @BeforeAll
  static void copyTheProject() throws IOException {
    original = Path.of("target/jib-image.tar").toAbsolutePath();
    assertThat(original).as("the image built by `package`").isRegularFile();
    Path root = Path.of(System.getProperty("maven.multiModuleProjectDirectory")).toAbsolutePath();
    Path inRoot = root.relativize(Path.of("").toAbsolutePath());
    module = copy.resolve(inRoot.toString());
    projectSelection =
        inRoot.toString().isEmpty() ? List.of() : List.of("-pl", inRoot.toString(), "-am");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path source : files.filter(p -> !excluded(root.relativize(p))).toList()) {
        Path target = copy.resolve(root.relativize(source).toString());
        // New files, with the modes umask 002 would give them, not the checkout's.
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, GROUP_WRITABLE_EXECUTABLE);
        } else {
          Files.copy(source, target);
          Files.setPosixFilePermissions(
              target, Files.isExecutable(source) ? GROUP_WRITABLE_EXECUTABLE : GROUP_WRITABLE);
        }
      }
    }
  }

  @Test
  @Order(1)
  void sameSourcesGiveTheSameDigest() throws Exception {
    Path rebuilt = build();

    String recorded =
        Files.readString(Path.of(System.getProperty("container.image.digest"))).strip();
    assertThat(digest(original)).as("target/jib-image.digest").isEqualTo(recorded);
    assertThat(digest(rebuilt)).as("image digest of a rebuild in %s", copy).isEqualTo(recorded);
  }

  @Test
  @Order(1)
  void theImageToRunIsTheApplicationImagePlusOneLayerHoldingTheArchive() throws Exception {
    RequiredTool.require(
        Files.isRegularFile(Path.of("target/cds/app.jsa")),
        "no start-up archive in target/cds: the build had no container engine to make it in"
            + " (src/build/cds-archive.sh says why)");
    Path toRun = Path.of(System.getProperty("container.image.tar")).toAbsolutePath();
    List<String> applicationLayers = layers(original);
    List<String> added = new ArrayList<>(layers(toRun));
    added.removeAll(applicationLayers);
    List<String> kept = new ArrayList<>(layers(toRun));
    kept.removeAll(added);

    assertThat(kept).as("the application image's layers, in order").isEqualTo(applicationLayers);
    assertThat(added)
        .singleElement()
        .satisfies(
            layer ->
                assertThat(files(toRun, layer).stream().filter(file -> !file.endsWith("/")))
                    .containsExactly("app/cds/app.jsa"));
    List<String> withoutTheArchive = entrypoint(toRun);
    assertThat(withoutTheArchive.remove("-XX:SharedArchiveFile=/app/cds/app.jsa"))
        .as("the flag that uses the archive, in %s", entrypoint(toRun))
        .isTrue();
    assertThat(withoutTheArchive).isEqualTo(entrypoint(original));
  }

  @Test
  @Order(2)
  void aChangedClassOfThisModuleChangesOnlyTheLayerOfItsJar() throws Exception {
    Path source =
        module.resolve(
            "src/main/java/com/example/inframodels/container/ContainerAdvisorApplication.java");
    String changed =
        Files.readString(source)
            .replace(
                "public class ContainerAdvisorApplication {\n",
                "public class ContainerAdvisorApplication {\n\n  static int rebuiltWithAChange() {\n"
                    + "    return 1;\n  }\n");
    assertThat(changed).as("the edit applied").contains("rebuiltWithAChange");
    Files.writeString(source, changed);

    List<String> before = layers(original);
    List<String> after = layers(build());

    assertThat(after).hasSameSizeAs(before);
    List<String> changedLayers = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changedLayers.add(String.join(", ", files(original, before.get(i))));
      }
    }
    assertThat(changedLayers)
        .as("only the layer of this module's jar (Jib's packaged mode)")
        .singleElement(STRING)
        .isEqualTo("app/, app/classpath/, app/classpath/container-jib-" + version() + ".jar");
  }

  @Test
  @Order(2)
  void theBusinessModulesJarHasALayerOfItsOwn() throws Exception {
    String businessModule = System.getProperty("container.business.module");

    List<List<String>> withIt = new ArrayList<>();
    for (String layer : layers(original)) {
      List<String> files = files(original, layer);
      if (files.stream().anyMatch(file -> file.startsWith("app/libs/" + businessModule + "-"))) {
        withIt.add(files);
      }
    }

    assertThat(withIt)
        .as("layers holding app/libs/%s-*.jar", businessModule)
        .singleElement()
        .satisfies(
            files ->
                assertThat(files.stream().filter(file -> !file.endsWith("/")))
                    .singleElement(STRING)
                    .matches("app/libs/" + businessModule + "-[^/]+\\.jar"));
  }

  @Test
  @Order(3)
  void readmesDockerBuildCommandLoadsTheImageIntoPodman() throws Exception {
    String podman = RequiredTool.onPath("podman").toString();
    String command =
        Files.readAllLines(module.resolve("README.md")).stream()
            .filter(line -> line.startsWith("./mvnw") && line.contains("jib:dockerBuild"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no jib:dockerBuild command in the README"));
    // A copy of the module alone is its own project: the README's -pl/-am do not apply there.
    String asTyped =
        projectSelection.isEmpty() ? command.replace(" -pl container-jib -am", "") : command;
    List<String> arguments =
        new ArrayList<>(List.of(asTyped.replace("\"$(command -v podman)\"", podman).split("\\s+")));
    arguments.set(0, maven());
    arguments.addAll(List.of("-B", "-q", "-o"));

    String tag = "infra-advisor:" + version();
    // A tag left by an earlier run would pass for this one's: only the command may make it exist.
    ExternalCommand.run(Duration.ofMinutes(1), List.of(podman, "rmi", "--force", tag));
    assertThat(imageExists(podman, tag)).as("podman knows %s before the command", tag).isFalse();

    run(arguments);
    boolean loaded = imageExists(podman, tag);
    ExternalCommand.run(Duration.ofMinutes(1), List.of(podman, "rmi", "--force", tag));

    assertThat(loaded).as("podman knows %s after `%s`", tag, command).isTrue();
  }

  private static boolean imageExists(String podman, String image)
      throws IOException, InterruptedException {
    return ExternalCommand.run(Duration.ofMinutes(1), List.of(podman, "image", "exists", image))
            .exitCode()
        == 0;
  }

  /**
   * `package` in the copy, with the Maven that runs this build, under umask 002, another time zone
   * and another locale; returns the image tar it wrote. -DskipTests because the copy is only here
   * to rebuild the image: its tests are the ones this very build is running. Not offline: the
   * cyclonedx plugin's goals require online mode and skip themselves with -o, which would leave the
   * application's SBOM out of the image. No start-up archive (CONTAINER_CDS_SKIP): it is not
   * compared, and making it takes two container runs.
   */
  private static Path build() throws IOException, InterruptedException {
    String mavenOpts =
        (System.getenv().getOrDefault("MAVEN_OPTS", "") + " -Duser.language=tr -Duser.country=TR")
            .strip();
    List<String> command =
        new ArrayList<>(
            List.of(
                "env",
                "TZ=" + OTHER_TIME_ZONE,
                "CONTAINER_CDS_SKIP=true",
                "MAVEN_OPTS=" + mavenOpts,
                "bash",
                "-c",
                "umask 002 && exec \"$0\" \"$@\"",
                maven(),
                "-B",
                "-q"));
    command.addAll(projectSelection);
    command.addAll(List.of("package", "-DskipTests"));
    run(command);
    return module.resolve("target/jib-image.tar");
  }

  private static String maven() {
    return Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    ExternalCommand.Result maven = ExternalCommand.run(Duration.ofMinutes(10), copy, command);
    assertThat(maven.exitCode()).as("in %s: %s", copy, maven.describe()).isZero();
  }

  private static String version() {
    return System.getProperty("project.version");
  }

  private static String digest(Path imageTar) throws IOException, InterruptedException {
    return new ImageLayout(imageTar).digest();
  }

  private static List<String> entrypoint(Path imageTar) throws IOException, InterruptedException {
    return new ImageLayout(imageTar).entrypoint();
  }

  private static List<String> layers(Path imageTar) throws IOException, InterruptedException {
    return new ImageLayout(imageTar).layers().stream().map(ImageLayout.Layer::digest).toList();
  }

  /** The paths in one layer of an OCI layout tarball. */
  private static List<String> files(Path imageTar, String layerDigest)
      throws IOException, InterruptedException {
    return new ImageLayout(imageTar).files(layerDigest);
  }

  private static boolean excluded(Path relative) {
    for (Path part : relative) {
      if (NOT_COPIED.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
