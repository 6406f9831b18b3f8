package com.example.inframodels.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.inframodels.core.catalogue.PriceCatalogues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCatalogueTest {

  @Test
  void bundledCatalogueLoadsWithSourcesForEverySection() {
    PriceCatalogue catalogue = PriceCatalogues.bundled();

    assertThat(catalogue.version()).isEqualTo("aws-us-east-1-2026-12");
    assertThat(catalogue.hoursPerMonth()).isEqualByComparingTo("730");
    assertThat(
            java.util.List.of(
                catalogue.serverless().source(),
                catalogue.container().source(),
                catalogue.virtualMachine().source(),
                catalogue.bareMetal().source()))
        .allSatisfy(
            source -> {
              assertThat(source.url()).startsWith("https://aws.amazon.com/");
              assertThat(source.asOf()).isNotNull();
            });
    assertThat(catalogue.virtualMachine().instances())
        .as("sorted cheapest first")
        .isSortedAccordingTo(
            (a, b) ->
                a.monthlyUsd(catalogue.hoursPerMonth())
                    .compareTo(b.monthlyUsd(catalogue.hoursPerMonth())));
    assertThat(catalogue.dedicatedServers().instances())
        .as("each rented server with its own source and date, and a monthly price")
        .isNotEmpty()
        .allSatisfy(
            server -> {
              assertThat(server.monthly()).isPositive();
              assertThat(server.hourly()).isNull();
              assertThat(catalogue.dedicatedServers().sourceOf(server).url())
                  .startsWith("https://");
              assertThat(server.source().asOf()).isNotNull();
            });
  }

  @Test
  void overrideFileReplacesTheBundledPrices(@TempDir Path dir) throws IOException {
    String doubled =
        bundledJson().replace("\"perMillionRequests\": 0.2", "\"perMillionRequests\": 0.4");
    Path file = Files.writeString(dir.resolve("prices.json"), doubled);

    PriceCatalogue catalogue = PriceCatalogues.bundledOr(file.toString());

    assertThat(catalogue.serverless().perMillionRequests()).isEqualByComparingTo("0.4");
  }

  @Test
  void refusesANegativePrice(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("prices.json"),
            bundledJson().replace("\"perGbHour\": 0.004445", "\"perGbHour\": -0.004445"));

    assertThatThrownBy(() -> PriceCatalogues.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("container.perGbHour must be a positive number");
  }

  @Test
  void refusesAMissingSection(@TempDir Path dir) throws IOException {
    String json = bundledJson();
    String withoutServerless =
        json.substring(0, json.indexOf("\"serverless\""))
            + json.substring(json.indexOf("\"container\""));
    Path file = Files.writeString(dir.resolve("prices.json"), withoutServerless);

    assertThatThrownBy(() -> PriceCatalogues.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serverless is required");
  }

  @Test
  void refusesAnUnknownField(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("prices.json"),
            bundledJson().replace("\"hoursPerMonth\"", "\"discount\": 0.1, \"hoursPerMonth\""));

    assertThatThrownBy(() -> PriceCatalogues.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discount");
  }

  @Test
  void refusesACatalogueThatCannotHostTheLargestWorkload(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("prices.json"),
            bundledJson()
                .replace("\"memoryGib\": 16", "\"memoryGib\": 6")
                .replace("\"memoryGib\": 32", "\"memoryGib\": 6")
                .replace("\"memoryGib\": 64", "\"memoryGib\": 6"));

    assertThatThrownBy(() -> PriceCatalogues.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("virtualMachine.instances must offer at least 10 GiB");
  }

  private static String bundledJson() throws IOException {
    try (InputStream in = PriceCatalogues.class.getResourceAsStream(PriceCatalogues.BUNDLED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
