package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractResponse;
import com.example.inframodels.testing.RawHttp;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployable jar on LocalStack's Lambda, deployed with the AWS SDK v2 as a pipeline would:
 * create each function (java21), wait until it is Active, invoke it directly, then over HTTP
 * through a function URL — LocalStack's free edition has function URLs, not HTTP APIs; the SAM
 * template's routes are checked by SamTemplateIT.
 *
 * <p>Needs a Docker-compatible engine that can pull {@code localstack/localstack:4.14.0} (the last
 * tag that starts without an auth token; set LOCALSTACK_AUTH_TOKEN and -Dlocalstack.image=... for
 * newer ones) and LocalStack's Lambda images: disabled where no engine answers, skipped with the
 * reason where the engine cannot pull the image.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackLambdaIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String ROLE = "arn:aws:iam::000000000000:role/infra-advisor";

  private static final List<String> FUNCTIONS =
      List.of("infra-advisor-lean", "infra-advisor-spring");

  private LocalStackContainer localstack;
  private LambdaClient lambda;

  @BeforeAll
  void startLocalStack() throws Exception {
    DockerImageName image =
        DockerImageName.parse(
                System.getProperty("localstack.image", "localstack/localstack:4.14.0"))
            .asCompatibleSubstituteFor("localstack/localstack");
    // The name Testcontainers will really pull (a configured registry mirror or substitutor
    // applies), so a machine that reaches only its mirror is not skipped for want of Docker Hub.
    String pulled = ImageNameSubstitutor.instance().apply(image).asCanonicalNameString();
    assumeTrue(
        imageAvailable(pulled), "cannot pull " + pulled + ": no container registry reachable");
    localstack =
        new LocalStackContainer(image)
            .withServices("lambda")
            // LocalStack gives a runtime 20 s to start by default; a JVM on a loaded CI machine,
            // emulated on arm64 hosts, can need more on its first invocation.
            .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "120");
    String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
    if (token != null && !token.isBlank()) {
      localstack.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }
    localstack.start();
    lambda =
        LambdaClient.builder()
            .endpointOverride(localstack.getEndpoint())
            .region(Region.of(localstack.getRegion()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        localstack.getAccessKey(), localstack.getSecretKey())))
            // A first invocation is a cold start inside LocalStack: longer than the client's
            // 30 s default read timeout, after which the SDK would retry the invocation.
            .httpClient(
                UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(2)).build())
            .build();
    byte[] jar = Files.readAllBytes(Path.of(System.getProperty("lambda.jar")));
    deploy(FUNCTIONS.get(0), LeanHandlerRuntimeIT.HANDLER, jar);
    deploy(FUNCTIONS.get(1), SpringHandlerRuntimeIT.HANDLER, jar);
  }

  @AfterAll
  void stopLocalStack() {
    if (lambda != null) {
      // Without Ryuk nothing else removes the function containers LocalStack started.
      for (String function : FUNCTIONS) {
        lambda.deleteFunction(delete -> delete.functionName(function));
      }
      lambda.close();
    }
    if (localstack != null) {
      localstack.stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"infra-advisor-lean", "infra-advisor-spring"})
  void estimatesAWorkloadInvokedDirectly(String function) {
    InvokeResponse response =
        lambda.invoke(
            invoke ->
                invoke
                    .functionName(function)
                    .payload(SdkBytes.fromUtf8String(AdvisorContract.SAMPLE_WORKLOAD)));

    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    JsonNode estimate = JSON.readTree(response.payload().asByteArray());
    assertThat(estimate.get("cheapest").asString()).isEqualTo("SERVERLESS");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"infra-advisor-lean", "infra-advisor-spring"})
  void answersAnHttpApiEventWithTheContractsResponse(String function) {
    InvokeResponse response =
        lambda.invoke(
            invoke ->
                invoke
                    .functionName(function)
                    .payload(SdkBytes.fromByteArray(HttpApiEvents.getRuntime())));

    assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
    ContractResponse runtime = HttpApiEvents.response(response.payload().asByteArray());
    assertThat(runtime.status()).as(runtime.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(runtime.body());
    assertThat(report.get("model").asString()).isEqualTo("SERVERLESS");
    assertThat(report.get("supervisor").asString()).isEqualTo("lambda");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"infra-advisor-lean", "infra-advisor-spring"})
  void servesTheContractOverAFunctionUrl(String function) throws Exception {
    URI url =
        URI.create(
            lambda
                .createFunctionUrlConfig(
                    create -> create.functionName(function).authType(FunctionUrlAuthType.NONE))
                .functionUrl());
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

  private void deploy(String name, String handler, byte[] jar) {
    lambda.createFunction(
        create ->
            create
                .functionName(name)
                .runtime(Runtime.JAVA21)
                .handler(handler)
                .role(ROLE)
                .memorySize(1024)
                // Room for a cold Spring start on a slow or emulating CI machine (template.yaml
                // gives 15 s on Lambda). The java21 image is pulled while the function is
                // Pending, which the waiter below covers.
                .timeout(60)
                // The host's own architecture, or an arm64 machine would emulate x86_64.
                .architectures(
                    "aarch64".equals(System.getProperty("os.arch"))
                        ? Architecture.ARM64
                        : Architecture.X86_64)
                .code(code -> code.zipFile(SdkBytes.fromByteArray(jar))));
    lambda.waiter().waitUntilFunctionActiveV2(get -> get.functionName(name));
  }

  /** Present in the engine, or pulled within five minutes. */
  private static boolean imageAvailable(String image) {
    var client = DockerClientFactory.instance().client();
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (RuntimeException notPresent) {
      try {
        return client
            .pullImageCmd(image)
            .start()
            .awaitCompletion(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS);
      } catch (RuntimeException | InterruptedException cannotPull) {
        return false;
      }
    }
  }
}
