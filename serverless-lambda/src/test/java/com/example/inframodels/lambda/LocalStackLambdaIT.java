package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractResponse;
import com.example.inframodels.testing.RawHttp;
import com.example.inframodels.testing.RequiredTool;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployable jar on LocalStack's Lambda, deployed with the AWS SDK v2 as a pipeline would:
 * create each function (java21, the engine's own architecture), wait until it is Active, invoke
 * each once before any test (its cold start, under the SDK's long timeouts), then invoke it
 * directly, with an HTTP API event, and over HTTP through a function URL — LocalStack's free
 * edition has function URLs, not HTTP APIs; the SAM template's routes are checked by SamTemplateIT.
 *
 * <p>Needs a Docker-compatible engine (Testcontainers binds its socket into LocalStack, which
 * starts the function containers beside itself) that can pull two images: {@code
 * localstack/localstack:4.14.0} (the last tag that starts without an auth token; for newer ones set
 * {@code LOCALSTACK_AUTH_TOKEN} and {@code -Dlocalstack.image=localstack/localstack:TAG}), through
 * Testcontainers' image-name substitution like any image it starts, and the runtime image {@code
 * public.ecr.aws/lambda/java:21}, which LocalStack pulls itself, past that substitution, on the
 * first function it creates, even when the engine already has it. Where only a mirror is reachable,
 * name the runtime image with {@code -Dlambda.runtime.image=IMAGE} or {@code
 * LAMBDA_RUNTIME_IMAGE_MAPPING} (LocalStack's own variable, passed on), anonymous pulls allowed:
 * LocalStack pulls without the engine's credentials. Both images are pulled here first, the runtime
 * image for the functions' platform, and the function containers are checked to run the one pulled.
 *
 * <p>Without an engine the IT is skipped, and fails in CI (RequiredTool). Where the engine cannot
 * reach a registry at all (the pull could not connect) it is skipped, in CI too: LocalStack cannot
 * run on a machine without one, and that is the one skip CI accepts. A registry that answers with a
 * rate limit, a refusal, no such image, a server or TLS error, or that stalls, fails the IT with
 * its message ({@link PullFailure} says how each is told apart). A LocalStack start that loses
 * Testcontainers 2.0.5's start-up race is tried once more ({@link GuardedLocalStackContainer}).
 * Afterwards every function is deleted, their containers removed and LocalStack stopped, each step
 * tried whatever failed before it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackLambdaIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String ROLE = "arn:aws:iam::000000000000:role/infra-advisor";

  private static final String LEAN = "infra-advisor-lean";

  private static final String SPRING = "infra-advisor-spring";

  private static final Map<String, String> HANDLERS =
      Map.of(LEAN, LeanHandlerRuntimeIT.HANDLER, SPRING, SpringHandlerRuntimeIT.HANDLER);

  /**
   * How long LocalStack waits for a function's runtime to start, against its default of 20 s: a
   * JVM's first start in a fresh container on a loaded CI machine can need more.
   */
  private static final int RUNTIME_START_SECONDS = 120;

  /** Room for a cold Spring start on a slow CI machine (template.yaml gives 15 s on Lambda). */
  private static final int FUNCTION_TIMEOUT_SECONDS = 60;

  private DockerClient docker;
  private LambdaRuntimeImage runtime;
  private GuardedLocalStackContainer localstack;
  private FunctionContainers functionContainers;
  private LambdaClient lambda;
  private final List<String> created = new ArrayList<>();

  @BeforeAll
  void deployAndWarmBothFunctions() throws Exception {
    RequiredTool.require(
        DockerClientFactory.instance().isDockerAvailable(),
        "no Docker-compatible engine answers: LocalStack runs in a container");
    docker = DockerClientFactory.instance().client();
    DockerImageName image =
        DockerImageName.parse(
                System.getProperty("localstack.image", "localstack/localstack:4.14.0"))
            .asCompatibleSubstituteFor("localstack/localstack");
    // The name Testcontainers will really pull (a configured mirror or substitutor applies), and
    // only if the engine lacks it.
    ImagePull.require(docker, ImageNameSubstitutor.instance().apply(image), null, false);
    Architecture architecture = engineArchitecture();
    runtime =
        LambdaRuntimeImage.configured(
            System.getProperty("lambda.runtime.image"),
            System.getenv("LAMBDA_RUNTIME_IMAGE_MAPPING"));
    // LocalStack pulls it on its first CreateFunction, for the function's platform, whether or not
    // the engine has it; a function it cannot pull goes Failed with the registry's answer lost.
    ImagePull.require(docker, DockerImageName.parse(runtime.image()), platform(architecture), true);

    localstack = new GuardedLocalStackContainer(image);
    localstack
        .withServices("lambda")
        .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", String.valueOf(RUNTIME_START_SECONDS));
    runtime
        .mapping()
        .ifPresent(mapping -> localstack.withEnv("LAMBDA_RUNTIME_IMAGE_MAPPING", mapping));
    String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
    if (token != null && !token.isBlank()) {
      localstack.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }
    localstack.startGuarded();
    functionContainers = new FunctionContainers(docker, localstack.getContainerName());
    lambda = lambdaClient(localstack);

    byte[] jar = Files.readAllBytes(Path.of(System.getProperty("lambda.jar")));
    for (String function : List.of(LEAN, SPRING)) {
      deploy(function, HANDLERS.get(function), jar, architecture);
    }
    for (String function : List.of(LEAN, SPRING)) {
      InvokeResponse first =
          invoke(function, AdvisorContract.SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8));
      assertThat(first.functionError())
          .as("%s's first invocation: %s", function, first.payload().asUtf8String())
          .isNull();
    }
  }

  /** Every step is tried, whatever failed before it; what failed is reported together. */
  @AfterAll
  void removeEverythingDeployed() {
    List<Throwable> failures = new ArrayList<>();
    if (lambda != null) {
      for (String function : created) {
        attempt(
            failures,
            "deleting " + function,
            () -> lambda.deleteFunction(delete -> delete.functionName(function)));
      }
      attempt(failures, "closing the Lambda client", lambda::close);
    }
    if (localstack != null) {
      // Without Ryuk, only the JVM's exit would remove what DeleteFunction leaves.
      if (functionContainers != null) {
        attempt(failures, "removing the function containers", functionContainers::removeAll);
      }
      attempt(failures, "stopping LocalStack", localstack::stop);
    }
    if (!failures.isEmpty()) {
      AssertionError cleanup =
          new AssertionError(
              failures.size() + " clean-up step(s) failed; see the suppressed errors");
      failures.forEach(cleanup::addSuppressed);
      throw cleanup;
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {LEAN, SPRING})
  void estimatesAWorkloadInvokedDirectly(String function) {
    InvokeResponse response =
        invoke(function, AdvisorContract.SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8));

    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    JsonNode estimate = JSON.readTree(response.payload().asByteArray());
    assertThat(estimate.get("cheapest").asString()).isEqualTo("SERVERLESS");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {LEAN, SPRING})
  void answersAnHttpApiEventWithTheContractsResponse(String function) {
    InvokeResponse response = invoke(function, HttpApiEvents.getRuntime());

    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    ContractResponse runtimeReport = HttpApiEvents.response(response.payload().asByteArray());
    assertThat(runtimeReport.status()).as(runtimeReport.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(runtimeReport.body());
    assertThat(report.get("model").asString()).isEqualTo("SERVERLESS");
    assertThat(report.get("supervisor").asString()).isEqualTo("lambda");
  }

  /**
   * Over RawHttp, whose read timeout is 30 s: enough for a function the set-up has already started
   * (LocalStack keeps it for LAMBDA_KEEPALIVE_MS, ten minutes by default), which a function URL
   * invokes as a direct invocation does.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {LEAN, SPRING})
  void servesTheContractOverAFunctionUrl(String function) throws Exception {
    URI url =
        URI.create(
            lambda
                .createFunctionUrlConfig(
                    create -> create.functionName(function).authType(FunctionUrlAuthType.NONE))
                .functionUrl());
    // LocalStack routes a function URL by its Host header alone, on its one port.
    InetSocketAddress edge =
        new InetSocketAddress(localstack.getHost(), localstack.getMappedPort(4566));
    byte[] body = AdvisorContract.SAMPLE_WORKLOAD.getBytes(StandardCharsets.UTF_8);

    RawHttp.Response estimate =
        RawHttp.exchange(
            edge,
            "POST /estimate HTTP/1.1\r\nHost: "
                + url.getHost()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\nConnection: close\r\n\r\n"
                + AdvisorContract.SAMPLE_WORKLOAD);
    RawHttp.Response notFound =
        RawHttp.exchange(
            edge,
            "GET /nowhere HTTP/1.1\r\nHost: " + url.getHost() + "\r\nConnection: close\r\n\r\n");

    assertThat(estimate.status()).as(estimate.body()).isEqualTo(200);
    assertThat(JSON.readTree(estimate.body()).get("cheapest").asString()).isEqualTo("SERVERLESS");
    assertThat(notFound.status()).as(notFound.body()).isEqualTo(404);
    assertThat(notFound.headers().get("content-type")).startsWith("application/problem+json");
  }

  @Test
  void runsBothFunctionsInTheRuntimeImagePulledHere() {
    List<Container> containers = functionContainers.list();

    assertThat(containers)
        .as("the warmed functions' containers, kept for LAMBDA_KEEPALIVE_MS")
        .extracting(container -> functionContainers.functionOf(container, HANDLERS.keySet()))
        .contains(Optional.of(LEAN), Optional.of(SPRING));
    assertThat(containers)
        .extracting(container -> LambdaRuntimeImage.withoutDockerHubPrefix(container.getImage()))
        .as("the image LocalStack ran, against the one pulled for it")
        .containsOnly(LambdaRuntimeImage.withoutDockerHubPrefix(runtime.image()));
  }

  private InvokeResponse invoke(String function, byte[] payload) {
    return lambda.invoke(
        invoke -> invoke.functionName(function).payload(SdkBytes.fromByteArray(payload)));
  }

  private void deploy(String name, String handler, byte[] jar, Architecture architecture) {
    lambda.createFunction(
        create ->
            create
                .functionName(name)
                .runtime(Runtime.JAVA21)
                .handler(handler)
                .role(ROLE)
                .memorySize(1024)
                .timeout(FUNCTION_TIMEOUT_SECONDS)
                .architectures(architecture)
                .code(code -> code.zipFile(SdkBytes.fromByteArray(jar))));
    created.add(name);
    try {
      // Pending covers LocalStack's pull of the runtime image, already in the engine by now; the
      // waiter gives it 300 polls a second apart.
      lambda.waiter().waitUntilFunctionActiveV2(get -> get.functionName(name));
    } catch (SdkException notActive) {
      GetFunctionConfigurationResponse function =
          lambda.getFunctionConfiguration(get -> get.functionName(name));
      throw new AssertionError(
          name
              + " did not become Active but "
              + function.stateAsString()
              + " ("
              + function.stateReasonCodeAsString()
              + ": "
              + function.stateReason()
              + "); LocalStack fails a function whose runtime image "
              + runtime.image()
              + " it cannot pull",
          notActive);
    }
  }

  private static LambdaClient lambdaClient(LocalStackContainer localstack) {
    return LambdaClient.builder()
        .endpointOverride(localstack.getEndpoint())
        .region(Region.of(localstack.getRegion()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())))
        // A first invocation starts the runtime (up to LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT) and
        // then runs the function (up to its timeout), far beyond the client's 30 s default.
        .httpClient(
            UrlConnectionHttpClient.builder()
                .socketTimeout(
                    Duration.ofSeconds(RUNTIME_START_SECONDS + FUNCTION_TIMEOUT_SECONDS + 30))
                .build())
        // A retried Invoke would be a second invocation, started while the first still runs.
        .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /**
   * The engine's architecture, for the functions: LocalStack runs a function's container for the
   * function's platform, and copies into it its own init binary, built for the engine's.
   */
  private Architecture engineArchitecture() {
    String arch = docker.versionCmd().exec().getArch();
    return switch (arch) {
      case "amd64" -> Architecture.X86_64;
      case "arm64" -> Architecture.ARM64;
      default ->
          throw new AssertionError(
              "the engine runs " + arch + "; Lambda functions are x86_64 or arm64");
    };
  }

  /** LocalStack's mapping of a function's architecture to the platform it pulls and runs. */
  private static String platform(Architecture architecture) {
    return architecture == Architecture.ARM64 ? "linux/arm64" : "linux/amd64";
  }

  private static void attempt(List<Throwable> failures, String step, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | AssertionError failure) {
      failures.add(new IllegalStateException(step + " failed", failure));
    }
  }
}
