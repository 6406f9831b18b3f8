package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.RequiredTool;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker-compatible engine the tests run the image on — Docker, or podman's Docker API — and
 * the image Jib built, loaded into it once per test run.
 */
final class ContainerEngine {

  private static String loadedImage;

  private ContainerEngine() {}

  /** Skips (or, under CI=true, fails) when no engine answers: the image cannot run without one. */
  static DockerClient client() {
    RequiredTool.require(
        DockerClientFactory.instance().isDockerAvailable(),
        "no Docker-compatible engine reachable (start Docker, or podman's API and set"
            + " docker.host in ~/.testcontainers.properties; see .ci/provision)");
    return DockerClientFactory.instance().client();
  }

  /**
   * Loads the image tarball into the engine (again, if a test removed it by its tag since: both
   * images Jib builds carry the same one); returns the image id Jib recorded.
   */
  static synchronized String image() throws IOException {
    if (loadedImage != null && !known(loadedImage)) {
      loadedImage = null;
    }
    if (loadedImage == null) {
      Path tar = Path.of(System.getProperty("container.image.tar", "target/jib-image-cds.tar"));
      Path id = Path.of(System.getProperty("container.image.id", "target/jib-image-cds.id"));
      assertThat(tar).as("the image tarball built by `package` (jib:buildTar)").isRegularFile();
      try (InputStream in = Files.newInputStream(tar)) {
        client().loadImageCmd(in).exec();
      }
      loadedImage = Files.readString(id, StandardCharsets.UTF_8).strip();
      String image = loadedImage;
      // Leave the engine as it was found: the image goes when the test JVM does.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      client().removeImageCmd(image).withForce(true).exec();
                    } catch (RuntimeException e) {
                      // Already gone, or the engine went first: nothing to clean up.
                    }
                  }));
      assertThat(client().inspectImageCmd(loadedImage).exec().getId())
          .as("the engine knows the image Jib built")
          .contains(loadedImage.replace("sha256:", ""));
    }
    return loadedImage;
  }

  private static boolean known(String image) {
    try {
      client().inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
