package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fat JAR's SBOM, served by actuator's {@code sbom} endpoint once an operator exposes it over
 * HTTP ({@code MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,sbom} in the env file), as this
 * test does. By default it is off the web, like every endpoint but health (FatJarContractIT).
 */
class SbomEndpointIT {

  /** Where Spring Boot's repackaging puts it (the manifest's Sbom-Location). */
  static final String SBOM_IN_THE_JAR = "META-INF/sbom/application.cdx.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static FatJarProcess app;

  @BeforeAll
  static void startTheJarWithTheSbomEndpointExposed() throws Exception {
    app =
        FatJarProcess.start(
            "sbom-endpoint", "--management.endpoints.web.exposure.include=health,sbom");
    app.awaitReady();
  }

  @AfterAll
  static void stopTheJar() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void listsTheApplicationsSbom() throws Exception {
    HttpResponse<String> response = get("/actuator/sbom");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("ids").toString()).contains("\"application\"");
  }

  @Test
  void servesTheCycloneDxDocumentTheJarCarries() throws Exception {
    HttpResponse<String> response = get("/actuator/sbom/application");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/vnd.cyclonedx+json"));
    assertThat(response.body()).as("the very file in the jar").isEqualTo(sbomInTheJar());
    JsonNode sbom = JSON.readTree(response.body());
    assertThat(sbom.get("bomFormat").asString()).isEqualTo("CycloneDX");
    assertThat(purls(sbom))
        .as("the business module among the components")
        .anySatisfy(
            purl -> assertThat(purl).startsWith("pkg:maven/com.example.inframodels/app-core@"));
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(app.baseUri().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String sbomInTheJar() throws IOException {
    try (JarFile jar = new JarFile(FatJarProcess.jar().toFile())) {
      ZipEntry entry = jar.getEntry(SBOM_IN_THE_JAR);
      assertThat(entry).as("%s in %s", SBOM_IN_THE_JAR, jar.getName()).isNotNull();
      try (InputStream in = jar.getInputStream(entry)) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
  }

  private static List<String> purls(JsonNode sbom) {
    List<String> purls = new ArrayList<>();
    sbom.get("components").forEach(component -> purls.add(component.path("purl").asString("")));
    return purls;
  }
}
