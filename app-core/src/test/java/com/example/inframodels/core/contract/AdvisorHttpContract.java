package com.example.inframodels.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.PrometheusText;
import com.example.inframodels.testing.RawHttp;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract plus what only an HTTP packaging can be sent: requests the HTTP server itself
 * refuses, and writes to the probes. Still 4xx, still problem details. And the metrics an operator
 * scrapes, on a port of their own so that the public port's answers stay the contract's.
 */
public abstract class AdvisorHttpContract extends AdvisorContract {

  /** Where the packaging's HTTP server listens. */
  protected abstract InetSocketAddress httpAddress();

  /**
   * Where the packaging serves its Prometheus metrics: a port apart from {@link #httpAddress()}.
   */
  protected abstract InetSocketAddress metricsAddress();

  private ContractResponse raw(String request) throws Exception {
    RawHttp.Response response = RawHttp.exchange(httpAddress(), request);
    return new ContractResponse(response.status(), response.headers(), response.body());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "GET /runtime HTTP/2.0\r\nHost: localhost\r\n\r\n",
        "POST /estimate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: gzip\r\nConnection: close\r\n\r\n",
        "GET /est%zzimate HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
      })
  void answersRequestsTheServerRefusesWithA400Problem(String request) throws Exception {
    ContractResponse response = raw(request);

    assertProblem(response, 400);
  }

  @Test
  void answersAnOversizedHeaderWithA4xxProblem() throws Exception {
    ContractResponse response =
        raw(
            "GET /runtime HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

    assertThat(response.status()).isBetween(400, 499);
    assertProblem(response, response.status());
  }

  @ParameterizedTest(name = "{0} /actuator/health")
  @ValueSource(strings = {"PUT", "PATCH", "DELETE", "POST"})
  void refusesWritesToTheProbes(String method) throws Exception {
    String form = "%zz=%";

    ContractResponse response =
        raw(
            method
                + " /actuator/health HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: "
                + form.length()
                + "\r\nConnection: close\r\n\r\n"
                + form);

    assertProblem(response, 405);
    assertThat(response.header("allow")).isEqualTo("GET, HEAD");
  }

  /**
   * After requests of each kind, the metrics port has them counted by route and status, with a
   * latency histogram and the JVM's own figures; the public port still answers {@code /metrics} as
   * the contract answers any unknown path.
   */
  @Test
  void countsRequestsByRouteAndStatusOnTheMetricsPortAlone() throws Exception {
    send(ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD));
    send(ContractRequest.postJson("/estimate", "{}"));
    send(ContractRequest.get("/no-such-path-" + UUID.randomUUID()));

    InetSocketAddress address = metricsAddress();
    PrometheusText metrics =
        PrometheusText.scrape(
            URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/metrics"));
    ContractResponse publicPort = send(ContractRequest.get("/metrics"));

    String count = "http_server_requests_seconds_count";
    assertThat(metrics.sum(count, Map.of("uri", "/estimate", "status", "200"))).isPositive();
    assertThat(metrics.sum(count, Map.of("uri", "/estimate", "status", "400"))).isPositive();
    assertThat(metrics.sum(count, Map.of("uri", "UNMATCHED", "status", "404")))
        .as("a path off the contract counts under one bounded name, not its own")
        .isPositive();
    assertThat(metrics.samples(count, Map.of("uri", "UNKNOWN"))).isEmpty();
    assertThat(
            metrics.samples(
                "http_server_requests_seconds_bucket", Map.of("uri", "/estimate", "status", "200")))
        .as("a latency histogram")
        .hasSizeGreaterThan(1);
    assertThat(metrics.sum("jvm_memory_used_bytes", Map.of("area", "heap"))).isPositive();
    assertProblem(publicPort, 404);
  }
}
