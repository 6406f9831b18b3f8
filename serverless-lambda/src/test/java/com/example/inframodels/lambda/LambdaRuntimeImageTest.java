package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LambdaRuntimeImageTest {

  @Test
  void usesLambdasPublicImageWithoutConfiguration() {
    LambdaRuntimeImage runtime = LambdaRuntimeImage.configured(null, " ");

    assertThat(runtime.image()).isEqualTo("public.ecr.aws/lambda/java:21");
    assertThat(runtime.mapping()).as("LocalStack keeps its default").isEmpty();
  }

  @Test
  void fillsAPatternMappingWithTheRuntime() {
    LambdaRuntimeImage runtime =
        LambdaRuntimeImage.configured("", " mirror.example/lambda/<runtime>:2026 ");

    assertThat(runtime.image()).isEqualTo("mirror.example/lambda/java21:2026");
    assertThat(runtime.mapping()).contains("mirror.example/lambda/<runtime>:2026");
  }

  @Test
  void takesJava21FromAJsonMapping() {
    String mapping =
        "{\"python3.12\": \"mirror.example/py:3.12\", \"java21\": \"mirror.example/java:21\"}";

    LambdaRuntimeImage runtime = LambdaRuntimeImage.configured(null, mapping);

    assertThat(runtime.image()).isEqualTo("mirror.example/java:21");
    assertThat(runtime.mapping()).as("passed on as it is").contains(mapping);
  }

  @Test
  void keepsTheDefaultForAJsonMappingWithoutJava21() {
    LambdaRuntimeImage runtime =
        LambdaRuntimeImage.configured(null, "{\"python3.12\": \"mirror.example/py:3.12\"}");

    assertThat(runtime.image()).isEqualTo("public.ecr.aws/lambda/java:21");
  }

  @Test
  void mapsJava21AloneToTheImageProperty() {
    LambdaRuntimeImage runtime =
        LambdaRuntimeImage.configured("mirror.example/java:21", "other/<runtime>:1");

    assertThat(runtime.image()).isEqualTo("mirror.example/java:21");
    JsonNode mapping = JsonMapper.builder().build().readTree(runtime.mapping().orElseThrow());
    assertThat(mapping.propertyNames()).as("the mapping LocalStack gets").containsExactly("java21");
    assertThat(mapping.get("java21").asString()).isEqualTo("mirror.example/java:21");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"mirror.example/java:21", "[\"java21\"]", "{\"java21\": 21}", "{\"java21"})
  void rejectsWhatLocalStackCouldNotRead(String mapping) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LambdaRuntimeImage.configured(null, mapping))
        .withMessageContaining("LAMBDA_RUNTIME_IMAGE_MAPPING");
  }

  @ParameterizedTest
  @CsvSource({
    "docker.io/library/busybox:1, busybox:1",
    "docker.io/example/java:21, example/java:21",
    "public.ecr.aws/lambda/java:21, public.ecr.aws/lambda/java:21"
  })
  void namesImagesAsDockerDoes(String listed, String expected) {
    assertThat(LambdaRuntimeImage.withoutDockerHubPrefix(listed)).isEqualTo(expected);
  }
}
