package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.testing.RequiredTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.BindMode;

/**
 * The start-up archive in the image to run: the image's JVM uses it for the application's own
 * classes; without it, or with a jar that is not the one it was made against (as after a rebuild of
 * the image under an old archive), the JVM starts without it and the service answers all the same.
 */
class StartupArchiveIT {

  /** The JVM's line for a class it took from the archive rather than from a jar. */
  private static final String FROM_THE_ARCHIVE =
      "com.example.inframodels.container.ContainerAdvisorApplication source: shared objects file";

  private static final String BUSINESS_JAR =
      "/app/libs/"
          + System.getProperty("container.business.module", "app-core")
          + "-"
          + System.getProperty("project.version")
          + ".jar";

  @TempDir Path dir;

  @Test
  void theImagesJvmTakesTheApplicationsClassesFromTheArchive() throws Exception {
    RequiredTool.require(
        Files.isRegularFile(Path.of("target/cds/app.jsa")),
        "no start-up archive in target/cds: the build had no container engine to make it in"
            + " (src/build/cds-archive.sh says why)");
    // -Xshare:on turns "start without it" into a failed start: the archive must map.
    try (AdvisorContainer container =
        new AdvisorContainer(ContainerEngine.image())
            .withEnv("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info")) {
      container.start();

      assertServes(container);
      assertThat(container.getLogs()).contains(FROM_THE_ARCHIVE);
    }
  }

  @Test
  void startsWithoutTheArchiveWhenItIsMissing() throws Exception {
    Path empty =
        Files.createDirectory(
            dir.resolve("empty"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    try (AdvisorContainer container =
        new AdvisorContainer(ContainerEngine.image())
            .withEnv("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info")
            // An empty directory over /app/cds: the archive the flag names is not there.
            .withFileSystemBind(empty.toString(), "/app/cds", BindMode.READ_ONLY)) {
      container.start();

      assertServes(container);
      assertThat(container.getLogs()).contains("ContainerAdvisorApplication source: ");
      assertThat(container.getLogs()).doesNotContain(FROM_THE_ARCHIVE);
    }
  }

  @Test
  void startsWithoutTheArchiveWhenAJarIsNotTheOneItWasMadeAgainst() throws Exception {
    Path jar = dir.resolve("business.jar");
    try (AdvisorContainer original = new AdvisorContainer(ContainerEngine.image())) {
      original.start();
      original.copyFileFromContainer(BUSINESS_JAR, jar.toString());
    }
    // The same bytes with another time, as a rebuild that kept an old archive would have.
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));

    try (AdvisorContainer container =
        new AdvisorContainer(ContainerEngine.image())
            .withEnv("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info")
            .withFileSystemBind(jar.toString(), BUSINESS_JAR, BindMode.READ_ONLY)) {
      container.start();

      assertServes(container);
      assertThat(container.getLogs()).contains("ContainerAdvisorApplication source: ");
      assertThat(container.getLogs()).doesNotContain(FROM_THE_ARCHIVE);
    }
  }

  private static void assertServes(AdvisorContainer container) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    URI base = container.baseUri();
    HttpResponse<String> runtime =
        http.send(
            HttpRequest.newBuilder(base.resolve("runtime")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> estimate =
        http.send(
            HttpRequest.newBuilder(base.resolve("estimate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AdvisorContract.SAMPLE_WORKLOAD))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(runtime.statusCode()).as(runtime.body()).isEqualTo(200);
    assertThat(estimate.statusCode()).as(estimate.body()).isEqualTo(200);
    assertThat(estimate.body()).contains("\"cheapest\"");
  }
}
