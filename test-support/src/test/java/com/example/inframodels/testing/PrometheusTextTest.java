package com.example.inframodels.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String SCRAPE =
      """
      # HELP http_server_requests_seconds
      # TYPE http_server_requests_seconds histogram
      http_server_requests_seconds_bucket{method="POST",status="200",uri="/estimate",le="0.001"} 2
      http_server_requests_seconds_count{method="POST",status="200",uri="/estimate"} 3.0
      http_server_requests_seconds_count{method="POST",status="400",uri="/estimate"} 1.0
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E7
      process_uptime_seconds 12.5
      """;

  @Test
  void readsSeriesWithTheirLabelsAndValues() {
    PrometheusText text = PrometheusText.parse(SCRAPE);

    assertThat(
            text.sum(
                "http_server_requests_seconds_count", Map.of("uri", "/estimate", "status", "200")))
        .isEqualTo(3.0);
    assertThat(text.samples("http_server_requests_seconds_count", Map.of("uri", "/estimate")))
        .hasSize(2);
    assertThat(text.sum("jvm_memory_used_bytes", Map.of("area", "heap"))).isEqualTo(1.2e7);
    assertThat(text.samples("process_uptime_seconds", Map.of()))
        .singleElement()
        .extracting(PrometheusText.Sample::value)
        .isEqualTo(12.5);
  }

  @Test
  void findsNothingForLabelsNoSeriesHas() {
    PrometheusText text = PrometheusText.parse(SCRAPE);

    assertThat(text.samples("http_server_requests_seconds_count", Map.of("status", "500")))
        .isEmpty();
  }

  @Test
  void refusesALineThatIsNoSample() {
    assertThatThrownBy(() -> PrometheusText.parse("<html>not metrics</html>\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
