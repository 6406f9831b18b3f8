package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractResponse;
import com.example.inframodels.testing.RawHttp;
import com.example.inframodels.testing.RequiredTool;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;
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
 * newer ones) and LocalStack's Lambda images. Without an engine it is skipped, and fails in CI
 * (RequiredTool). Where the engine cannot reach a registry it is skipped, in CI too: LocalStack
 * cannot run on a machine without one, and that is the one skip CI accepts. A registry that answers
 * but has no such image, or refuses access, is a configuration error and fails with its message.
 */
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
    RequiredTool.require(
        DockerClientFactory.instance().isDockerAvailable(),
        "no Docker-compatible engine answers: LocalStack runs in a container");
    Optional<String> pullError = pullError(pulled);
    if (pullError.isPresent()) {
      PullFailure failure = PullFailure.of(pullError.get());
      String reason =
          "cannot pull " + pulled + ": " + failure.meaning + " (" + pullError.get() + ")";
      if (failure == PullFailure.REGISTRY_UNREACHABLE) {
        abort(reason);
      }
      throw new AssertionError(reason);
    }
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

  /**
   * Empty when the image is in the engine or was pulled within five minutes; else the engine's
   * error. The pull's stream is read here rather than by docker-java's PullImageResultCallback,
   * which fails with a NullPointerException on an error item without a status (what podman sends)
   * and so hides the registry's answer.
   */
  private static Optional<String> pullError(String image) {
    var client = DockerClientFactory.instance().client();
    try {
      client.inspectImageCmd(image).exec();
      return Optional.empty();
    } catch (RuntimeException notPresent) {
      List<String> errors = new CopyOnWriteArrayList<>();
      try {
        boolean done =
            client
                .pullImageCmd(image)
                .exec(
                    new ResultCallback.Adapter<PullResponseItem>() {
                      @Override
                      public void onNext(PullResponseItem item) {
                        if (item.isErrorIndicated()) {
                          errors.add(
                              item.getErrorDetail() != null
                                  ? item.getErrorDetail().getMessage()
                                  : item.toString());
                        }
                      }
                    })
                .awaitCompletion(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS);
        if (!errors.isEmpty()) {
          return Optional.of(String.join("; ", errors));
        }
        return done ? Optional.empty() : Optional.of("the pull did not finish within 5 minutes");
      } catch (RuntimeException cannotPull) {
        return Optional.of(messages(cannotPull));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted while pulling");
      }
    }
  }

  private static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      all.append(all.isEmpty() ? "" : "; ").append(t.getClass().getSimpleName()).append(": ");
      all.append(t.getMessage());
    }
    return all.toString();
  }

  /**
   * What a failed pull means, read from the engine's message: the engines put the registry's answer
   * there. Docker answers a missing manifest with HTTP 404 "manifest for ... not found: manifest
   * unknown", and Docker Hub a missing or private repository with "pull access denied for ...,
   * repository does not exist or may require 'docker login'"; podman streams the registry's
   * "manifest unknown", "unauthorized: authentication required" or "denied: requested access to the
   * resource is denied"; a registry that cannot be reached shows as the dial error ("dial tcp:
   * lookup registry-1.docker.io ...: no such host", "connection refused", "i/o timeout").
   */
  enum PullFailure {
    IMAGE_NOT_FOUND(
        "the registry has no such image (a mistyped -Dlocalstack.image?)",
        "manifest unknown",
        "not found",
        "name unknown",
        "repository does not exist",
        "status 404"),
    ACCESS_REFUSED(
        "the registry refused access (log the engine in to it; LOCALSTACK_AUTH_TOKEN is"
            + " LocalStack's, not the registry's)",
        "unauthorized",
        "authentication required",
        "denied",
        "status 401",
        "status 403"),
    REGISTRY_UNREACHABLE(
        "no container registry reachable",
        "no such host",
        "dial tcp",
        "connection refused",
        "i/o timeout",
        "network is unreachable",
        "temporary failure in name resolution",
        "tls handshake timeout"),
    UNEXPLAINED("the engine could not pull it, for a reason not recognised here");

    final String meaning;
    private final List<String> signs;

    PullFailure(String meaning, String... signs) {
      this.meaning = meaning;
      this.signs = List.of(signs);
    }

    /** The first cause whose signs the message shows; the registry's own answers come first. */
    static PullFailure of(String message) {
      String lower = message.toLowerCase(Locale.ROOT);
      for (PullFailure failure : values()) {
        if (failure.signs.stream().anyMatch(lower::contains)) {
          return failure;
        }
      }
      return UNEXPLAINED;
    }
  }
}
