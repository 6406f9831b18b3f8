package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the deployable jar carries besides classes: its SBOM where Spring Boot's tooling looks for
 * one, and a spring.factories merged from every jar that ships one, with no build date in it; and
 * its size, as the READMEs give it (the repository's table only inside the repository: a copy of
 * this module has none).
 */
class LambdaJarIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void carriesItsCycloneDxSbomNamingTheBusinessModule() throws IOException {
    JsonNode sbom = JSON.readTree(entry("META-INF/sbom/application.cdx.json"));

    assertThat(sbom.get("bomFormat").asString()).isEqualTo("CycloneDX");
    List<String> purls = new ArrayList<>();
    sbom.get("components").forEach(component -> purls.add(component.path("purl").asString("")));
    assertThat(purls)
        .anySatisfy(
            purl -> assertThat(purl).startsWith("pkg:maven/com.example.inframodels/app-core@"));
  }

  @Test
  void mergesSpringFactoriesByKeyWithoutADate() throws IOException {
    String merged = entry("META-INF/spring.factories");
    Properties factories = new Properties();
    factories.load(new StringReader(merged));

    assertThat(merged.lines().filter(line -> line.startsWith("#")))
        .as("comments: no build date in them")
        .noneMatch(line -> line.matches(".*\\d\\d:\\d\\d:\\d\\d.*"));
    assertThat(factories.getProperty("org.springframework.context.ApplicationContextInitializer"))
        .as("one key, values from spring-boot and from spring-cloud-function-context")
        .contains("org.springframework.boot.context.ContextIdApplicationContextInitializer")
        .contains(
            "org.springframework.cloud.function.context.config.ContextFunctionCatalogInitializer");
  }

  /** The size the README gives, in MB of 10^6 bytes to one decimal, is the built jar's. */
  @Test
  void weighsWhatTheReadmeSays() throws IOException {
    String size = megabytes();

    assertThat(Files.readString(Path.of("README.md"))).contains("**" + size + "**");
  }

  /** The root README's comparison table, from the committed run, weighs the jar built here. */
  @Test
  void weighsWhatTheRepositorysTableSays() throws IOException {
    assumeTrue(
        Files.isRegularFile(Path.of("../app-core/pom.xml")),
        "not inside the infra-models repository: no comparison table to check");
    String size = megabytes().replace(" MB", "");

    assertThat(Files.readString(Path.of("../README.md")))
        .contains("| Serverless | lean handler | " + size + " |")
        .contains("| Serverless | Spring Cloud Function handler | " + size + " |");
  }

  private static String megabytes() throws IOException {
    return String.format(
        Locale.ROOT, "%.1f MB", Files.size(Path.of(System.getProperty("lambda.jar"))) / 1e6);
  }

  private static String entry(String name) throws IOException {
    Path path = Path.of(System.getProperty("lambda.jar"));
    try (JarFile jar = new JarFile(path.toFile())) {
      ZipEntry entry = jar.getEntry(name);
      assertThat(entry).as("%s in %s", name, path).isNotNull();
      try (InputStream in = jar.getInputStream(entry)) {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      }
    }
  }
}
