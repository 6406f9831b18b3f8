package com.example.inframodels.lambda;

import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image LocalStack's Lambda runs a {@code java21} function in, and the {@code
 * LAMBDA_RUNTIME_IMAGE_MAPPING} to hand LocalStack so that it uses that image. LocalStack pulls it
 * itself, past Testcontainers' image-name substitution, so a machine that reaches only a mirror
 * must say so here: {@code -Dlambda.runtime.image=IMAGE}, or {@code LAMBDA_RUNTIME_IMAGE_MAPPING}
 * in the environment, passed on as it is.
 *
 * <p>Resolved as LocalStack 4.14.0 resolves it ({@code RuntimeImageResolver} in {@code
 * services/lambda_/invocation/docker_runtime_executor.py}): without a mapping, {@code
 * public.ecr.aws/lambda/} + {@code java:21}; a mapping that contains {@code <runtime>} is a pattern
 * and {@code <runtime>} becomes {@code java21}; any other mapping is a JSON object from runtime to
 * image, and a runtime it does not name keeps the default.
 */
record LambdaRuntimeImage(String image, Optional<String> mapping) {

  static final String RUNTIME = "java21";

  static final String DEFAULT_IMAGE = "public.ecr.aws/lambda/java:21";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** From {@code -Dlambda.runtime.image} (which wins) and {@code LAMBDA_RUNTIME_IMAGE_MAPPING}. */
  static LambdaRuntimeImage configured(String imageProperty, String mappingVariable) {
    if (imageProperty != null && !imageProperty.isBlank()) {
      String image = imageProperty.strip();
      return new LambdaRuntimeImage(
          image, Optional.of(JSON.writeValueAsString(Map.of(RUNTIME, image))));
    }
    if (mappingVariable == null || mappingVariable.isBlank()) {
      return new LambdaRuntimeImage(DEFAULT_IMAGE, Optional.empty());
    }
    // LocalStack strips the variable before reading it.
    String mapping = mappingVariable.strip();
    return new LambdaRuntimeImage(resolve(mapping), Optional.of(mapping));
  }

  private static String resolve(String mapping) {
    if (mapping.contains("<runtime>")) {
      return mapping.replace("<runtime>", RUNTIME);
    }
    JsonNode images;
    try {
      images = JSON.readTree(mapping);
    } catch (JacksonException notJson) {
      throw new IllegalArgumentException(notAMapping(mapping), notJson);
    }
    if (!images.isObject()) {
      throw new IllegalArgumentException(notAMapping(mapping));
    }
    JsonNode image = images.get(RUNTIME);
    if (image == null) {
      return DEFAULT_IMAGE;
    }
    if (!image.isString() || image.asString().isBlank()) {
      throw new IllegalArgumentException(
          "LAMBDA_RUNTIME_IMAGE_MAPPING maps " + RUNTIME + " to " + image + ", not an image name");
    }
    return image.asString();
  }

  private static String notAMapping(String mapping) {
    return "LAMBDA_RUNTIME_IMAGE_MAPPING="
        + mapping
        + " is neither a pattern with <runtime> nor a JSON object from runtime to image";
  }

  /**
   * The name as an engine lists a container's image: podman writes Docker Hub's implicit {@code
   * docker.io/} (and {@code library/}) where Docker does not.
   */
  static String withoutDockerHubPrefix(String image) {
    String name = image.startsWith("docker.io/") ? image.substring("docker.io/".length()) : image;
    return name.startsWith("library/") ? name.substring("library/".length()) : name;
  }
}
