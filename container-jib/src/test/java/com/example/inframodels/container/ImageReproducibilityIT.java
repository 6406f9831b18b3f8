package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

    assertThat(digest(rebuilt))
        .as("image digest of a rebuild in %s", copy)
        .isEqualTo(digest(original));
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

  /** `package` in the copy, offline, without tests; returns the image tar it wrote. */
  private static Path build() throws IOException, InterruptedException {
    Path log = copy.resolve("build.log");
    Process maven =
        new ProcessBuilder(
                "./mvnw", "-B", "-q", "-o", "-pl", "container-jib", "-am", "package", "-DskipTests")
            .directory(copy.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = maven.waitFor(10, TimeUnit.MINUTES);
    if (!done) {
      maven.destroyForcibly();
    }
    assertThat(done && maven.exitValue() == 0)
        .as("rebuild in %s; log:%n%s", copy, Files.readString(log))
        .isTrue();
    return copy.resolve("container-jib/target/jib-image.tar");
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
    Process tar = new ProcessBuilder("tar", "-xOf", imageTar.toString(), name).start();
    String content = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor(1, TimeUnit.MINUTES) && tar.exitValue() == 0)
        .as("tar -xOf %s %s", imageTar, name)
        .isTrue();
    return content;
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
