package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.RequiredTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two SBOMs of the image: syft's of the whole image (target/jib-image.cdx.json: the base
 * image's operating-system packages and the application's jars), and the application's own, which
 * actuator's {@code sbom} endpoint serves once exposed ({@code
 * MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,sbom}); by default only health is exposed
 * (ContainerContractIT).
 */
class ContainerSbomIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String APP_CORE = "pkg:maven/com.example.inframodels/app-core@";

  @Test
  void imageSbomListsTheBaseImagesOsPackagesAndTheApplication() throws Exception {
    Path sbom = Path.of(System.getProperty("container.image.sbom", "target/jib-image.cdx.json"));
    if (!Files.exists(sbom)) {
      RequiredTool.onPath("syft");
    }
    assertThat(sbom).as("the image SBOM that `package` wrote with syft").isRegularFile();

    JsonNode document = JSON.readTree(Files.readString(sbom));

    assertThat(document.get("bomFormat").asString()).isEqualTo("CycloneDX");
    List<String> purls = purls(document);
    assertThat(purls)
        .as("a Debian package of the base image (distroless and the stand-in are Debian-based)")
        .anySatisfy(purl -> assertThat(purl).startsWith("pkg:deb/"));
    assertThat(purls)
        .as("the business module's jar")
        .anySatisfy(purl -> assertThat(purl).startsWith(APP_CORE));
  }

  @Test
  void servesTheApplicationsSbomOnceTheEndpointIsExposed() throws Exception {
    ContainerEngine.client();
    try (AdvisorContainer container =
        new AdvisorContainer(ContainerEngine.image())
            .withEnv("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,sbom")) {
      container.start();
      URI base = container.baseUri();

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(base.resolve("/actuator/sbom/application"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode document = JSON.readTree(response.body());
      assertThat(document.get("bomFormat").asString()).isEqualTo("CycloneDX");
      assertThat(purls(document))
          .as("the business module among the application's components")
          .anySatisfy(purl -> assertThat(purl).startsWith(APP_CORE));
    }
  }

  private static List<String> purls(JsonNode document) {
    List<String> purls = new ArrayList<>();
    document.path("components").forEach(c -> purls.add(c.path("purl").asString("")));
    return purls;
  }
}
