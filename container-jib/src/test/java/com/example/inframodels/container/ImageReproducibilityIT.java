package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.testing.ExternalCommand;
import com.example.inframodels.core.testing.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds the image in a copy of this repository, as a second machine would: the same sources give
 * the same digest; a change to an app-core class changes app-core's layer and nothing else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageReproducibilityIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> NOT_COPIED = Set.of("target", ".idea", ".vscode");

  @TempDir static Path copy;

  private static Path original;

  @BeforeAll
  static void copyTheRepository() throws IOException {
    original = Path.of("target/jib-image.tar").toAbsolutePath();
    assertThat(original).as("the image built by `package`").isRegularFile();
    Path root = Path.of("..").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path source : files.filter(p -> !excluded(root.relativize(p))).toList()) {
        Path target = copy.resolve(root.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
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
  @Order(2)
  void aChangedAppCoreClassChangesOnlyAppCoresLayer() throws Exception {
    Path source =
        copy.resolve(
            "app-core/src/main/java/com/example/inframodels/core/InfrastructureModel.java");
    String changed =
        Files.readString(source)
            .replace(
                "  SERVERLESS\n}",
                "  SERVERLESS;\n\n  static int rebuiltWithAChange() {\n    return 1;\n  }\n}");
    assertThat(changed).as("the edit applied").contains("rebuiltWithAChange");
    Files.writeString(source, changed);

    List<String> before = layers(original);
    List<String> after = layers(build());

    assertThat(after).hasSameSizeAs(before);
    List<Integer> changedLayers = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changedLayers.add(i);
      }
    }
    assertThat(changedLayers)
        .as("only the app-core layer (the last one, added by the layer-filter extension)")
        .containsExactly(before.size() - 1);
  }

  @Test
  @Order(3)
  void readmesDockerBuildCommandLoadsTheImageIntoPodman() throws Exception {
    String podman = RequiredTool.onPath("podman").toString();
    String command =
        Files.readAllLines(copy.resolve("container-jib/README.md")).stream()
            .filter(line -> line.startsWith("./mvnw") && line.contains("jib:dockerBuild"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no jib:dockerBuild command in the README"));
    List<String> arguments =
        new ArrayList<>(List.of(command.replace("\"$(command -v podman)\"", podman).split("\\s+")));
    arguments.addAll(List.of("-B", "-q", "-o"));

    run(arguments);
    boolean loaded =
        ExternalCommand.run(
                    Duration.ofMinutes(1),
                    List.of(podman, "image", "exists", "infra-advisor:" + version()))
                .exitCode()
            == 0;
    ExternalCommand.run(
        Duration.ofMinutes(1), List.of(podman, "rmi", "--force", "infra-advisor:" + version()));

    assertThat(loaded).as("podman knows infra-advisor:%s after `%s`", version(), command).isTrue();
  }

  /**
   * `package` in the copy, offline; returns the image tar it wrote. -DskipTests because the copy is
   * only here to rebuild the image: its tests are the ones this very build is running.
   */
  private static Path build() throws IOException, InterruptedException {
    run(
        List.of(
            "./mvnw", "-B", "-q", "-o", "-pl", "container-jib", "-am", "package", "-DskipTests"));
    return copy.resolve("container-jib/target/jib-image.tar");
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    ExternalCommand.Result maven = ExternalCommand.run(Duration.ofMinutes(10), copy, command);
    assertThat(maven.exitCode()).as("in %s: %s", copy, maven.describe()).isZero();
  }

  private static String version() {
    return System.getProperty("project.version");
  }

  private static String digest(Path imageTar) throws IOException, InterruptedException {
    return JSON.readTree(entry(imageTar, "index.json"))
        .get("manifests")
        .get(0)
        .get("digest")
        .asString();
  }

  private static List<String> layers(Path imageTar) throws IOException, InterruptedException {
    String manifestDigest = digest(imageTar);
    JsonNode manifest =
        JSON.readTree(
            entry(imageTar, "blobs/sha256/" + manifestDigest.substring("sha256:".length())));
    List<String> layers = new ArrayList<>();
    manifest.get("layers").forEach(layer -> layers.add(layer.get("digest").asString()));
    return layers;
  }

  /** One file of an OCI layout tarball, read with tar(1). */
  private static String entry(Path imageTar, String name) throws IOException, InterruptedException {
    ExternalCommand.Result tar =
        ExternalCommand.run(
            Duration.ofMinutes(1), List.of("tar", "-xOf", imageTar.toString(), name));
    assertThat(tar.exitCode()).as(tar.describe()).isZero();
    return tar.output();
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
