package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * template.yaml against what the build produced: the jar it uploads exists, and the handler classes
 * it names are in that jar and are Lambda handlers. An IT because the jar comes from `package`.
 */
class SamTemplateIT {

  private static final JsonNode TEMPLATE = read();

  private static JsonNode read() {
    return YAMLMapper.builder().build().readTree(Path.of("template.yaml").toFile());
  }

  @Test
  void uploadsTheJarTheBuildProduces() {
    Path codeUri = Path.of(TEMPLATE.at("/Globals/Function/CodeUri").asString());

    assertThat(codeUri.toAbsolutePath().normalize())
        .isEqualTo(Path.of(System.getProperty("lambda.jar")).toAbsolutePath().normalize());
    assertThat(codeUri).isRegularFile();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LeanFunction", "SpringFunction"})
  void namesAHandlerThatIsInTheJar(String function) throws Exception {
    String handler = TEMPLATE.at("/Resources/" + function + "/Properties/Handler").asString();

    try (URLClassLoader jar =
        new URLClassLoader(
            new URL[] {Path.of(System.getProperty("lambda.jar")).toUri().toURL()}, null)) {
      Class<?> type = Class.forName(handler, false, jar);
      Class<?> streamHandler = Class.forName(RequestStreamHandler.class.getName(), false, jar);

      assertThat(streamHandler.isAssignableFrom(type))
          .as("%s is a RequestStreamHandler, as Lambda's Java runtime calls it", handler)
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LeanFunction", "SpringFunction"})
  void routesTheContractsPathsAndEverythingElseToTheFunction(String function) {
    List<String> routes = new ArrayList<>();
    TEMPLATE
        .at("/Resources/" + function + "/Properties/Events")
        .forEach(
            event -> {
              assertThat(event.get("Type").asString()).isEqualTo("HttpApi");
              routes.add(
                  event.at("/Properties/Method").asString()
                      + " "
                      + event.at("/Properties/Path").asString());
            });

    assertThat(routes).containsExactlyInAnyOrder("POST /estimate", "GET /runtime", "ANY $default");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LeanFunction", "SpringFunction"})
  void grantsNothingButLogging(String function) {
    JsonNode policies = TEMPLATE.at("/Resources/" + function + "/Properties/Policies");

    assertThat(policies.size()).isEqualTo(1);
    assertThat(policies.get(0).asString()).isEqualTo("AWSLambdaBasicExecutionRole");
  }

  @Test
  void leavesTheJitToTheRuntime() {
    List<String> options = new ArrayList<>();
    javaToolOptions(TEMPLATE.at("/Globals/Function"), options);
    TEMPLATE
        .path("Resources")
        .forEach(
            resource -> {
              if ("AWS::Serverless::Function".equals(resource.path("Type").asString())) {
                javaToolOptions(resource.path("Properties"), options);
              }
            });

    assertThat(options)
        .as(
            "java21 already stops tiered compilation at C1 by default (Lambda's"
                + " java-customization page); JVM flags here would override the runtime's")
        .noneMatch(value -> value.contains("Tiered"));
  }

  private static void javaToolOptions(JsonNode function, List<String> into) {
    JsonNode value = function.at("/Environment/Variables/JAVA_TOOL_OPTIONS");
    if (!value.isMissingNode()) {
      into.add(value.asString());
    }
  }

  @Test
  void snapshotsPublishedVersionsOnJava21() {
    JsonNode function = TEMPLATE.at("/Globals/Function");

    assertThat(function.get("Runtime").asString()).isEqualTo("java21");
    assertThat(function.at("/SnapStart/ApplyOn").asString()).isEqualTo("PublishedVersions");
    assertThat(function.get("AutoPublishAlias").asString())
        .as("SnapStart applies to published versions; the alias publishes one per deploy")
        .isNotBlank();
  }
}
