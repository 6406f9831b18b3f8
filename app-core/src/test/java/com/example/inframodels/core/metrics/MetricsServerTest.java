package com.example.inframodels.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The metrics port on loopback, in this JVM: what it serves, and what it refuses. */
class MetricsServerTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private MetricsServer server;

  @BeforeEach
  void start() {
    registry.counter("advisor.test.hits", "route", "/estimate").increment(3);
    server =
        new MetricsServer(registry, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void servesTheRegistryInPrometheusTextFormat() throws Exception {
    HttpResponse<String> response = send("GET", "/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("advisor_test_hits_total{route=\"/estimate\"} 3.0");
  }

  @Test
  void servesOpenMetricsToAScraperThatAsksForIt() throws Exception {
    HttpResponse<String> response =
        send(
            "GET",
            "/metrics",
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(response.body()).endsWith("# EOF\n");
  }

  @Test
  void answersHeadWithoutABody() throws Exception {
    HttpResponse<String> response = send("HEAD", "/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void refusesOtherPaths() throws Exception {
    HttpResponse<String> response = send("GET", "/estimate", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("advisor_test_hits");
  }

  @Test
  void refusesWrites() throws Exception {
    HttpResponse<String> response = send("POST", "/metrics", null);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void closesThePortWhenStopped() throws Exception {
    int port = server.port();

    server.stop();

    assertThat(server.isRunning()).isFalse();
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(port);
    }
  }

  @Test
  void opensNoPortWithTheContextWhenConfiguredWithPortZero() {
    MetricsServer off = new MetricsServer(registry, new InetSocketAddress(0));

    assertThat(off.isAutoStartup())
        .as("under Spring AOT the bean exists whatever advisor.metrics.port says")
        .isFalse();
    assertThat(new MetricsServer(registry, new InetSocketAddress(9464)).isAutoStartup()).isTrue();
  }

  private HttpResponse<String> send(String method, String path, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(5))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Nested
  class Wiring {

    private final ApplicationContextRunner context =
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
            .withBean(PrometheusMeterRegistry.class, () -> registry);

    @Test
    void servesNothingUnlessAPortIsSet() {
      context.run(ctx -> assertThat(ctx).doesNotHaveBean(MetricsServer.class));
      context
          .withPropertyValues("advisor.metrics.port=0")
          .run(ctx -> assertThat(ctx).doesNotHaveBean(MetricsServer.class));
    }

    @Test
    void startsWithTheContextOnTheConfiguredPort() throws Exception {
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }

      int configured = port;
      context
          .withPropertyValues("advisor.metrics.port=" + configured)
          .run(
              ctx -> {
                MetricsServer metrics = ctx.getBean(MetricsServer.class);
                assertThat(metrics.isRunning()).isTrue();
                assertThat(metrics.port()).isEqualTo(configured);
              });
    }
  }
}
