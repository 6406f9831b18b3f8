package com.example.inframodels.core.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.estimate.PriceCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/** The functions as Spring Cloud Function adapters see them: looked up in the catalogue. */
class AdvisorFunctionsTest {

  private static final String WORKLOAD =
      "{\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512}";

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  JacksonAutoConfiguration.class,
                  ContextFunctionCatalogAutoConfiguration.class,
                  AdvisorFunctions.class));

  @Test
  void routesHttpMessagesThroughTheAdvisorFunction() {
    context.run(
        ctx -> {
          Function<Message<byte[]>, Message<byte[]>> advisor =
              ctx.getBean(FunctionCatalog.class).lookup(AdvisorFunctions.ADVISOR);

          Message<byte[]> ok =
              advisor.apply(
                  AdvisorMessages.request(
                      "POST", "/estimate", "application/json", bytes(WORKLOAD)));
          Message<byte[]> wrongType =
              advisor.apply(AdvisorMessages.request("POST", "/estimate", "text/plain", bytes("x")));

          assertThat(AdvisorMessages.status(ok)).isEqualTo(200);
          assertThat(text(ok)).contains("\"cheapest\"");
          assertThat(AdvisorMessages.status(wrongType)).isEqualTo(415);
          assertThat(wrongType.getHeaders().get(MessageHeaders.CONTENT_TYPE).toString())
              .isEqualTo("application/problem+json");
        });
  }

  @Test
  void passesTheBodyToTheContractUntouched() {
    context.run(
        ctx -> {
          Function<Message<byte[]>, Message<byte[]>> advisor =
              ctx.getBean(FunctionCatalog.class).lookup(AdvisorFunctions.ADVISOR);
          String base64Workload =
              "\"eyJyZXF1ZXN0c1Blck1vbnRoIjoxLCJhdmdEdXJhdGlvbk1zIjoxLCJtZW1vcnlNYiI6MTI4fQ==\"";

          Message<byte[]> reply =
              advisor.apply(
                  AdvisorMessages.request(
                      "POST", "/estimate", "application/json", bytes(base64Workload)));

          assertThat(AdvisorMessages.status(reply))
              .as("a JSON string is not a workload, even if it decodes to one: %s", text(reply))
              .isEqualTo(400);
        });
  }

  @Test
  void estimatesAWorkloadSentWithoutHeaders() {
    context.run(
        ctx -> {
          Function<Message<byte[]>, Message<byte[]>> estimate =
              ctx.getBean(FunctionCatalog.class).lookup(AdvisorFunctions.ESTIMATE);

          Message<byte[]> reply =
              estimate.apply(
                  org.springframework.messaging.support.MessageBuilder.withPayload(bytes(WORKLOAD))
                      .build());

          assertThat(AdvisorMessages.status(reply)).isEqualTo(200);
          assertThat(text(reply)).contains("\"SERVERLESS\"");
        });
  }

  @Test
  void suppliesTheRuntimeReport() {
    context.run(
        ctx -> {
          Supplier<Message<byte[]>> runtime =
              ctx.getBean(FunctionCatalog.class).lookup(AdvisorFunctions.RUNTIME);

          Message<byte[]> reply = runtime.get();

          assertThat(AdvisorMessages.status(reply)).isEqualTo(200);
          assertThat(text(reply)).contains("\"model\"", "\"evidence\"");
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
                "\"version\": \"aws-us-east-1-2026-11\"", "\"version\": \"negotiated\""));

    context
        .withPropertyValues("advisor.price-catalogue=" + file)
        .run(
            ctx -> assertThat(ctx.getBean(PriceCatalogue.class).version()).isEqualTo("negotiated"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Message<byte[]> message) {
    return new String(message.getPayload(), StandardCharsets.UTF_8);
  }
}
