package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fat JAR with Spring AOT's generated wiring on ({@code -Dspring.aot.enabled=true}, as the env
 * file's JAVA_OPTS ship it): it serves the advisor, and the catch the env file warns about holds —
 * which beans exist was decided by the build, so exposing the SBOM endpoint at run time (which
 * SbomEndpointIT shows working without AOT) does not bring it back.
 */
class SpringAotIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static FatJarProcess app;

  @BeforeAll
  static void startTheJarWithSpringAotAndTheSbomEndpointExposed() throws Exception {
    app =
        FatJarProcess.start(
            "spring-aot",
            List.of("-Dspring.aot.enabled=true"),
            "--management.endpoints.web.exposure.include=health,sbom");
    app.awaitReady();
  }

  @AfterAll
  static void stopTheJar() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void answersEstimatesFromTheGeneratedWiring() throws Exception {
    HttpResponse<String> response =
        send(
            request("/estimate")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512}")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"SERVERLESS\"");
  }

  @Test
  void keepsTheSbomEndpointTheBuildLeftOutEvenWhenExposedAtRunTime() throws Exception {
    HttpResponse<String> response = send(request("/actuator/sbom"));

    assertThat(response.statusCode())
        .as("under AOT the endpoint's bean was never defined: %s", response.body())
        .isEqualTo(404);
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(app.baseUri().resolve(path)).timeout(Duration.ofSeconds(10));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
