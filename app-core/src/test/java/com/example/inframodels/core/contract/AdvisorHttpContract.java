package com.example.inframodels.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.RawHttp;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract plus what only an HTTP packaging can be sent: requests the HTTP server itself
 * refuses, and writes to the probes. Still 4xx, still problem details.
 */
public abstract class AdvisorHttpContract extends AdvisorContract {

  /** Where the packaging's HTTP server listens. */
  protected abstract InetSocketAddress httpAddress();

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
}
