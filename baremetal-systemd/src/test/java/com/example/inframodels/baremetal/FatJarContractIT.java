package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AccessLogContract;
import com.example.inframodels.core.contract.AdvisorHttpContract;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import com.example.inframodels.core.contract.HttpContractClient;
import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.RequiredTool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole contract, over HTTP, against the fat JAR running as a separate process. */
class FatJarContractIT extends AdvisorHttpContract implements AccessLogContract {

  private static FatJarProcess app;
  private static ContractClient http;

  @BeforeAll
  static void startTheJar() throws Exception {
    app = FatJarProcess.start("fat-jar-contract");
    app.awaitReady();
    http = new HttpContractClient(app.baseUri());
  }

  @AfterAll
  static void stopTheJar() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Override
  protected InetSocketAddress httpAddress() {
    return new InetSocketAddress("127.0.0.1", app.port);
  }

  @Override
  protected InetSocketAddress metricsAddress() {
    return new InetSocketAddress("127.0.0.1", app.metricsPort);
  }

  @Override
  protected ContractClient client() {
    return http;
  }

  @Test
  void reportsTheModelOfTheHostItRunsOn() throws Exception {
    String expected = modelAccordingToSystemd();

    ContractResponse response = send(ContractRequest.get("/runtime"));

    JsonNode report = json(response);
    assertThat(report.get("model").asString())
        .as(
            "systemd-detect-virt, asked independently, says %s; evidence: %s",
            expected, report.get("evidence"))
        .isEqualTo(expected);
    assertThat(report.get("supervisor")).as("started by hand, not by systemd").isNull();
  }

  @Test
  void servesTheLivenessAndReadinessProbes() throws Exception {
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      ContractResponse response = send(ContractRequest.get(probe));

      assertThat(response.status()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).contains("\"UP\"");
    }
  }

  @Test
  void keepsTheSbomEndpointOffTheWebByDefault() throws Exception {
    ContractResponse response = send(ContractRequest.get("/actuator/sbom/application"));

    assertThat(response.status())
        .as("only health is exposed unless the operator adds sbom (SbomEndpointIT)")
        .isEqualTo(404);
  }

  @Override
  public String logText() {
    return app.logText();
  }

  @Override
  public boolean isAccessLine(String line, String method, String path, int status) {
    return PlainAccessLine.of(method, path, status).test(line);
  }

  @Override
  public void checkAccessLine(String line, List<String> linesSinceMark) {
    assertThat(line).as("Spring Boot's plain console line, at INFO").contains(" INFO ");
  }

  /**
   * The model systemd's own detector names for this machine: the innermost layer, as the advisor
   * reports it.
   */
  static String modelAccordingToSystemd() throws IOException, InterruptedException {
    Path detectVirt = RequiredTool.onPath("systemd-detect-virt");
    if (exitsZero(detectVirt, "--container")) {
      return "CONTAINER";
    }
    if (exitsZero(detectVirt, "--vm")) {
      return "VIRTUAL_MACHINE";
    }
    return "BARE_METAL";
  }

  private static boolean exitsZero(Path tool, String option)
      throws IOException, InterruptedException {
    return ExternalCommand.run(Duration.ofSeconds(10), List.of(tool.toString(), option)).exitCode()
        == 0;
  }
}
