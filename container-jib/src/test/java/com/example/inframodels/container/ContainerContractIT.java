package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AccessLogContract;
import com.example.inframodels.core.contract.AdvisorHttpContract;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import com.example.inframodels.core.contract.HttpContractClient;
import com.example.inframodels.core.web.AdvisorHttpFilter;
import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.RequiredTool;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole contract against the image Jib built, running as a container: read-only root filesystem
 * (proven from inside: a write to / fails, one to the /tmp tmpfs works), a non-root user, 512 MB of
 * memory.
 */
class ContainerContractIT extends AdvisorHttpContract implements AccessLogContract {

  private static AdvisorContainer container;
  private static ContractClient http;

  @BeforeAll
  static void startTheImage() throws Exception {
    ContainerEngine.client();
    container = new AdvisorContainer(ContainerEngine.image());
    container.start();
    http = new HttpContractClient(container.baseUri());
  }

  @AfterAll
  static void stopTheImage() {
    if (container != null) {
      container.stop();
    }
  }

  @Override
  protected ContractClient client() {
    return http;
  }

  @Override
  protected InetSocketAddress httpAddress() {
    return container.httpAddress();
  }

  /** The pod's {@code metrics} port, which the k8s manifests have Prometheus scrape. */
  @Override
  protected InetSocketAddress metricsAddress() {
    return container.metricsAddress();
  }

  @Test
  void reportsTheContainerModelAndItsMemoryLimit() throws Exception {
    ContractResponse response = send(ContractRequest.get("/runtime"));

    JsonNode report = json(response);
    assertThat(report.get("model").asString()).isEqualTo("CONTAINER");
    assertThat(report.get("evidence").toString())
        .as("a container engine's marker: /.dockerenv, /run/.containerenv or env container")
        .containsAnyOf("/.dockerenv", "/run/.containerenv", "env container=");
    assertThat(report.get("memoryLimitBytes").asLong())
        .as("the limit the test set on the container")
        .isEqualTo(AdvisorContainer.MEMORY_LIMIT_BYTES);
  }

  @Test
  void runsTheJvmAsTheImagesNonRootUser() throws Exception {
    JsonNode report = json(send(ContractRequest.get("/runtime")));

    assertThat(report.get("uid").asLong())
        .as("the process's real uid, from its own /proc/self/status")
        .isEqualTo(Long.parseLong(System.getProperty("container.uid", "65532")));
  }

  @Test
  void declaresTheNumericNonRootUserJibWroteIntoTheImage() {
    InspectContainerResponse inspect =
        ContainerEngine.client().inspectContainerCmd(container.getContainerId()).exec();

    assertThat(inspect.getConfig().getUser())
        .as("the numeric user Jib wrote into the image")
        .isEqualTo(System.getProperty("container.uid", "65532"));
  }

  @Test
  void cannotWriteToItsRootFilesystemNorItsAppDirectoryButCanWriteToTmp() throws Exception {
    ExecResult root = createFileInside("/probe");
    ExecResult app = createFileInside("/app/probe");
    ExecResult tmp = createFileInside("/tmp/probe");

    assertThat(root.getExitCode()).as("creating /probe: %s", describe(root)).isNotZero();
    assertThat(describe(root)).contains("Read-only file system");
    assertThat(app.getExitCode()).as("creating /app/probe: %s", describe(app)).isNotZero();
    assertThat(describe(app)).contains("Read-only file system");
    assertThat(tmp.getExitCode()).as("creating /tmp/probe: %s", describe(tmp)).isZero();
    assertThat(container.isRunning())
        .as("the service started on that filesystem, answered the contract and still runs")
        .isTrue();
  }

  /**
   * Creates FILE from a process inside the running container, as the image's user: a second JVM
   * told to log into it, which refuses to start when it cannot. The image has no shell (distroless
   * has none); it has java.
   */
  private static ExecResult createFileInside(String file) throws Exception {
    return container.execInContainer(
        "java", "-XX:-UsePerfData", "-Xmx16m", "-Xlog:os=info:file=" + file, "-version");
  }

  private static String describe(ExecResult result) {
    return "exit " + result.getExitCode() + ": " + result.getStdout() + result.getStderr();
  }

  private static final JsonMapper LOG_JSON = JsonMapper.builder().build();

  /** The container's output, as a cluster's log collector reads it. */
  @Override
  public String logText() {
    return container.getLogs();
  }

  /** A line of the container's log that is the ECS access line of METHOD PATH STATUS. */
  @Override
  public boolean isAccessLine(String line, String method, String path, int status) {
    if (!line.startsWith("{")) {
      return false;
    }
    JsonNode json = LOG_JSON.readTree(line);
    return json.path("log").path("logger").asString("").equals(AdvisorHttpFilter.ACCESS_LOGGER)
        && json.path("http").path("request").path("method").asString("").equals(method)
        && json.path("url").path("path").asString("").equals(path)
        && json.path("http").path("response").path("status_code").asInt() == status;
  }

  @Override
  public void checkAccessLine(String logged, List<String> linesSinceMark) {
    JsonNode line = LOG_JSON.readTree(logged);
    assertThat(linesSinceMark)
        .as("one JSON object a line, each a structured log event")
        .allSatisfy(each -> assertThat(LOG_JSON.readTree(each).has("@timestamp")).isTrue());
    assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
    assertThat(line.path("http").path("route").asString()).isEqualTo("/estimate");
    assertThat(line.path("event").path("duration").isIntegralNumber())
        .as("the duration in nanoseconds, as ECS has it: %s", line)
        .isTrue();
    assertThat(line.path("message").asString())
        .matches(AccessLogContract.message("POST", "/estimate", 200));
  }

  @Test
  void keepsTheSbomEndpointOffTheWebByDefault() throws Exception {
    ContractResponse response = send(ContractRequest.get("/actuator/sbom/application"));

    assertThat(response.status())
        .as("only health is exposed unless the operator adds sbom (ContainerSbomIT)")
        .isEqualTo(404);
  }

  @Test
  void carriesOciLabelsThatIdentifyTheBuild() throws Exception {
    Map<String, String> labels =
        ContainerEngine.client()
            .inspectImageCmd(ContainerEngine.image())
            .exec()
            .getConfig()
            .getLabels();

    assertThat(labels)
        .containsEntry("org.opencontainers.image.licenses", "Apache-2.0")
        .containsEntry("org.opencontainers.image.version", System.getProperty("project.version"));
    assertThat(URI.create(labels.get("org.opencontainers.image.source")).getPath())
        .as("the repository, not a module path appended to it")
        .doesNotContain("container-jib");
    assertThat(labels.get("org.opencontainers.image.revision"))
        .as("the git commit the image was built from")
        .isEqualTo(commitOfTheProject());
  }

  /** What git says the project's root is at; "unknown" where the root is no repository. */
  private static String commitOfTheProject() throws Exception {
    Path root = Path.of(System.getProperty("maven.multiModuleProjectDirectory"));
    if (!Files.exists(root.resolve(".git"))) {
      return "unknown";
    }
    ExternalCommand.Result head =
        ExternalCommand.run(
            Duration.ofSeconds(30),
            List.of(
                RequiredTool.onPath("git").toString(), "-C", root.toString(), "rev-parse", "HEAD"));
    assertThat(head.exitCode()).as(head.describe()).isZero();
    return head.output().strip();
  }
}
