package com.example.inframodels.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.inframodels.core.InfrastructureModel;
import com.example.inframodels.core.api.Problem.FieldError;
import com.example.inframodels.core.catalogue.PriceCatalogues;
import com.example.inframodels.core.estimate.Estimator;
import com.example.inframodels.core.estimate.Workload;
import com.example.inframodels.core.runtime.RuntimeReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming writer writes every response body byte for byte as Jackson databind, configured as
 * the contract had it (non-null components only, plain decimals), writes the same records.
 */
class ResponseJsonTest {

  private static final JsonMapper DATABIND =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private static final Estimator ESTIMATOR = new Estimator(PriceCatalogues.bundled());

  static Stream<Object> bodies() {
    return Stream.of(
        ESTIMATOR.estimate(Workload.of(2_000_000, "120", 512)),
        ESTIMATOR.estimate(Workload.of(0, "0.5", 128)),
        ESTIMATOR.estimate(Workload.of(900_000_000_000L, "900000", 10_240)),
        ESTIMATOR.estimate(
            new Workload(5_000_000, new BigDecimal("35.125"), 1024, new BigDecimal("250.5"))),
        new RuntimeReport(
            InfrastructureModel.SERVERLESS,
            List.of("env AWS_LAMBDA_FUNCTION_NAME=f", "quote \" and \\ and \u00e9 and \u2028"),
            "lambda",
            List.of("env AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001"),
            65532L,
            "17.0.15",
            "Debian",
            2,
            268_435_456L,
            1_073_741_824L,
            412L),
        new RuntimeReport(
            InfrastructureModel.BARE_METAL,
            List.of(),
            null,
            List.of(),
            null,
            "25",
            "Eclipse",
            1,
            1L,
            null,
            null),
        new Problem("about:blank", "Not Found", 404, "No resource at /x", "/x", null),
        new Problem(
            Problems.TYPE_BASE + "invalid-workload",
            "Invalid workload",
            400,
            "Invalid fields: a/b, memoryMb",
            null,
            List.of(
                new FieldError("a/b", Problems.pointer("a/b"), "is not a known field"),
                new FieldError("memoryMb", "#/memoryMb", "is required"))));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void writesWhatDatabindWrote(Object body) {
    byte[] streamed = AdvisorJson.write(body);

    assertThat(new String(streamed, StandardCharsets.UTF_8))
        .isEqualTo(new String(DATABIND.writeValueAsBytes(body), StandardCharsets.UTF_8));
  }

  @Test
  void refusesWhatIsNotAResponseOfTheContract() {
    assertThatThrownBy(() -> AdvisorJson.write(List.of("not a body")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
