package com.example.inframodels.core.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.api.ApiRequest;
import com.example.inframodels.core.api.ApiResponse;
import com.example.inframodels.core.catalogue.PriceCatalogues;
import com.example.inframodels.core.estimate.PriceCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The beans a Spring Boot application gets from app-core, checked without starting a server. */
class AdvisorAutoConfigurationTest {

  private static final String WORKLOAD =
      "{\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512}";

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AdvisorAutoConfiguration.class));

  @Test
  void providesTheContractOverTheBundledCatalogue() {
    context.run(
        ctx -> {
          AdvisorApi api = ctx.getBean(AdvisorApi.class);

          ApiResponse estimate =
              api.handle(
                  new ApiRequest(
                      "POST",
                      AdvisorApi.ESTIMATE_PATH,
                      AdvisorApi.JSON,
                      WORKLOAD.getBytes(StandardCharsets.UTF_8)));
          ApiResponse runtime =
              api.handle(new ApiRequest("GET", AdvisorApi.RUNTIME_PATH, null, new byte[0]));

          assertThat(estimate.status()).as(estimate.bodyText()).isEqualTo(200);
          assertThat(estimate.bodyText())
              .contains(
                  "\"priceCatalogue\":\"" + ctx.getBean(PriceCatalogue.class).version() + "\"");
          assertThat(runtime.status()).isEqualTo(200);
          assertThat(runtime.bodyText()).contains("\"model\"", "\"evidence\"");
        });
  }

  @Test
  void loadsThePriceCatalogueNamedInConfiguration(@TempDir Path dir) throws Exception {
    String bundled;
    try (var in = getClass().getResourceAsStream("/price-catalogues/aws-us-east-1.json")) {
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file =
        Files.writeString(
            dir.resolve("prices.json"),
            bundled.replace(
                "\"version\": \"aws-us-east-1-2026-12\"", "\"version\": \"negotiated\""));

    context
        .withPropertyValues("advisor.price-catalogue=" + file)
        .run(
            ctx -> assertThat(ctx.getBean(PriceCatalogue.class).version()).isEqualTo("negotiated"));
  }

  @Test
  void keepsAnApplicationsOwnCatalogue() {
    PriceCatalogue own = PriceCatalogues.bundled();

    context
        .withBean(PriceCatalogue.class, () -> own)
        .run(ctx -> assertThat(ctx.getBean(PriceCatalogue.class)).isSameAs(own));
  }
}
