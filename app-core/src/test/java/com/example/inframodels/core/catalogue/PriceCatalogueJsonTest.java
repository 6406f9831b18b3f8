package com.example.inframodels.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.inframodels.core.estimate.Architecture;
import com.example.inframodels.core.estimate.PriceCatalogue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue reader is as strict as the object mapper it replaced, and names what is wrong. */
class PriceCatalogueJsonTest {

  @Test
  void readsTheBundledCatalogueWhole() throws IOException {
    PriceCatalogue catalogue = PriceCatalogueJson.read(bundled());

    assertThat(catalogue.version()).isEqualTo("aws-us-east-1-2026-12");
    assertThat(catalogue.serverless().perGbSecond()).isEqualByComparingTo("0.0000166667");
    assertThat(catalogue.serverless().source().asOf()).isEqualTo(LocalDate.of(2026, 11, 28));
    assertThat(catalogue.container().taskSizes()).hasSize(7);
    assertThat(catalogue.container().taskSizes().get(0).memoryGb())
        .extracting(BigDecimal -> BigDecimal.toPlainString())
        .containsExactly("0.5", "1", "2");
    assertThat(catalogue.virtualMachine().instances())
        .as("sorted by hourly price")
        .first()
        .satisfies(
            type -> {
              assertThat(type.name()).isEqualTo("t4g.micro");
              assertThat(type.architecture()).isEqualTo(Architecture.ARM64);
              assertThat(type.baselinePerVcpu()).isEqualByComparingTo("0.1");
            });
    assertThat(catalogue.virtualMachine().on(Architecture.X86_64))
        .first()
        .satisfies(
            type -> {
              assertThat(type.name()).isEqualTo("t3.micro");
              assertThat(type.vcpu()).isEqualTo(2);
            });
    assertThat(catalogue.bareMetal().instances()).hasSize(4);
    assertThat(catalogue.serverless().rates(Architecture.ARM64))
        .hasValueSatisfying(
            arm -> assertThat(arm.perGbSecond()).isEqualByComparingTo("0.0000133334"));
    assertThat(catalogue.container().rates(Architecture.ARM64))
        .hasValueSatisfying(arm -> assertThat(arm.perVcpuHour()).isEqualByComparingTo("0.03238"));
    assertThat(catalogue.dedicatedServers().instances())
        .first()
        .satisfies(
            server -> {
              assertThat(server.name()).isEqualTo("OVHcloud Rise-1 (US)");
              assertThat(server.monthly()).isEqualByComparingTo("70");
              assertThat(server.setupFee()).isEqualByComparingTo("70");
              assertThat(server.source().note()).contains("survey");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a key twice|\"region\": \"us-east-1\",|\"region\": \"us-east-1\", \"region\": \"eu\",|Duplicate",
        "a key twice, nested|\"vcpu\": 0.25,|\"vcpu\": 0.25, \"vcpu\": 0.5,|Duplicate",
        "an unknown nested field|\"asOf\": \"2026-07-20\"|\"asOf\": \"2026-07-20\", \"x\": 1|$.virtualMachine.source.x is not a known field",
        "a string for a number|\"hoursPerMonth\": 730|\"hoursPerMonth\": \"730\"|$.hoursPerMonth must be a number",
        "a number for a string|\"currency\": \"USD\"|\"currency\": 1|$.currency must be a string",
        "an object for a list|\"memoryGb\": [0.5, 1, 2]|\"memoryGb\": {}|$.container.taskSizes[0].memoryGb must be a JSON array",
        "a fractional vCPU count|\"vcpu\": 96,|\"vcpu\": 96.5,|$.bareMetal.instances[0].vcpu must be a whole number",
        "a date that is no date|\"asOf\": \"2026-11-28\"|\"asOf\": \"28/11/2026\"|$.serverless.source.asOf must be a date",
      })
  void refuses(String what, String from, String to, String message) throws IOException {
    String json = text().replaceFirst(java.util.regex.Pattern.quote(from), to);
    assertThat(json).as("the fixture changed").isNotEqualTo(text());

    assertThatThrownBy(() -> read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void refusesAnythingAfterTheCatalogue() throws IOException {
    String json = text() + " {}";

    assertThatThrownBy(() -> read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the JSON value");
  }

  @Test
  void refusesAnEmptyFile() {
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void refusesMalformedJson() throws IOException {
    String json = text().substring(0, 200);

    assertThatThrownBy(() -> read(json)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leavesAnAbsentFieldToTheCataloguesValidation() throws IOException {
    String json = text().replace("\"perGbSecond\": 0.0000166667,", "");

    assertThatThrownBy(() -> read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serverless.perGbSecond must be a positive number");
  }

  private static PriceCatalogue read(String json) {
    return PriceCatalogueJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static InputStream bundled() {
    return PriceCatalogues.class.getResourceAsStream(PriceCatalogues.BUNDLED);
  }

  private static String text() throws IOException {
    try (InputStream in = bundled()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
