package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * template.yaml against what the build produced: the jar it uploads exists, and the handler classes
 * it names are in that jar and are Lambda handlers; and samconfig.toml and the README's deploy
 * commands against the template. An IT because the jar comes from `package`.
 */
class SamTemplateIT {

  private static final JsonNode TEMPLATE = read();
  private static final Path SAMCONFIG = Path.of("samconfig.toml");
  private static final Path README = Path.of("README.md");

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

  /**
   * samconfig.toml, which {@code sam deploy} reads from the template's directory, against the
   * template and the README's "Run it" commands: the stack the README looks up is the one SAM
   * deploys, in the region SAM deploys to, and nothing is left for SAM to ask but the change set.
   */
  @Nested
  class DeployConfiguration {

    private final Map<String, Map<String, Object>> samconfig = SamConfigFile.read(SAMCONFIG);
    private final Map<String, Object> deploy = samconfig.get("default.deploy.parameters");

    @Test
    void isInTheFormatSamReads() {
      assertThat(samconfig.get("").get("version"))
          .as("SAM CLI refuses a samconfig.toml without version = 0.1 (a number)")
          .isEqualTo(0.1);
      assertThat(deploy)
          .as("[default.deploy.parameters], what a plain `sam deploy` reads")
          .isNotNull();
    }

    @Test
    void deploysTheStackTheReadmeLooksUp() {
      List<String> stackNames = runIt().flags("--stack-name");

      assertThat(deploy.get("stack_name")).isEqualTo("infra-advisor");
      assertThat(stackNames)
          .as("every --stack-name in the README's Run it commands")
          .isNotEmpty()
          .allMatch(name -> name.equals(deploy.get("stack_name")));
    }

    @Test
    void deploysAndLooksUpInTheSameRegion() {
      RunIt commands = runIt();
      String samDeploy = commands.starting("sam deploy");
      String describeStacks = commands.containing("aws cloudformation describe-stacks");

      // SAM CLI reads --region, AWS_DEFAULT_REGION or the profile, not AWS_REGION, which other
      // AWS tools read. Naming the region on both commands is what makes them agree.
      assertThat(RunIt.flags(samDeploy, "--region")).hasSize(1);
      assertThat(RunIt.flags(describeStacks, "--region"))
          .isEqualTo(RunIt.flags(samDeploy, "--region"));
      assertThat(samDeploy)
          .as("--guided asks fourteen questions, six of them aborting on Enter")
          .doesNotContain("--guided");
    }

    @Test
    void looksUpAnOutputTheTemplateHas() {
      String describeStacks = runIt().containing("aws cloudformation describe-stacks");
      Matcher key = Pattern.compile("OutputKey=='(\\w+)'").matcher(describeStacks);

      assertThat(key.find()).as(describeStacks).isTrue();
      assertThat(TEMPLATE.at("/Outputs/" + key.group(1)).isMissingNode()).isFalse();
    }

    @Test
    void uploadsTheJarThroughTheBucketSamManages() {
      assertThat(deploy.get("resolve_s3"))
          .as("without a bucket, sam deploy stops at \"S3 Bucket not specified\" for the jar")
          .isEqualTo(true);
      assertThat(deploy)
          .as("SAM refuses --s3-bucket with --resolve-s3")
          .doesNotContainKey("s3_bucket");
    }

    @Test
    void acknowledgesTheUnnamedRolesSamGenerates() {
      List<String> explicitRoles = new ArrayList<>();
      TEMPLATE
          .path("Resources")
          .properties()
          .forEach(
              resource -> {
                JsonNode properties = resource.getValue().path("Properties");
                if (properties.has("Role") || properties.has("RoleName")) {
                  explicitRoles.add(resource.getKey());
                }
              });

      assertThat(explicitRoles)
          .as("each function gets a role SAM generates, unnamed: CAPABILITY_IAM covers it")
          .isEmpty();
      assertThat(deploy.get("capabilities")).isEqualTo("CAPABILITY_IAM");
    }
  }

  private static RunIt runIt() {
    try {
      return RunIt.of(Files.readString(README));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commands of the README's "Run it" block, continuation lines joined. */
  private record RunIt(List<String> commands) {

    private static final Pattern BLOCK =
        Pattern.compile("## Run it\\n.*?```bash\\n(.*?)```", Pattern.DOTALL);

    static RunIt of(String readme) {
      Matcher block = BLOCK.matcher(readme);
      assertThat(block.find()).as("a bash block in the README's Run it section").isTrue();
      List<String> commands = new ArrayList<>();
      for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
        commands.add(line.strip());
      }
      return new RunIt(commands);
    }

    String starting(String prefix) {
      return commands.stream()
          .filter(command -> command.startsWith(prefix))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no `" + prefix + "` in " + commands));
    }

    String containing(String part) {
      return commands.stream()
          .filter(command -> command.contains(part))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no `" + part + "` in " + commands));
    }

    List<String> flags(String flag) {
      return commands.stream().flatMap(command -> flags(command, flag).stream()).toList();
    }

    static List<String> flags(String command, String flag) {
      List<String> values = new ArrayList<>();
      Matcher value = Pattern.compile(Pattern.quote(flag) + "[ =](\\S+)").matcher(command);
      while (value.find()) {
        values.add(value.group(1));
      }
      return values;
    }
  }
}
