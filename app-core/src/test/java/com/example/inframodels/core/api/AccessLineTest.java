package com.example.inframodels.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLineTest {

  @Test
  void saysMethodPathStatusAndMillisecondsOnOneLine() {
    AccessLine line = AccessLine.of("POST", "/estimate", 200, 3_400_000);

    assertThat(line.message()).isEqualTo("POST /estimate 200 3 ms");
    assertThat(line.route()).isEqualTo("/estimate");
  }

  @Test
  void namesAPathOffTheContractUnmatched() {
    AccessLine line = AccessLine.of("GET", "/wp-admin/install.php", 404, 0);

    assertThat(line.route()).isEqualTo(AdvisorApi.UNMATCHED);
    assertThat(line.path()).as("the path itself is kept").isEqualTo("/wp-admin/install.php");
  }

  @Test
  void cutsALongPathSoItCannotFloodTheLog() {
    AccessLine line = AccessLine.of("GET", "/" + "a".repeat(10_000), 404, 0);

    assertThat(line.path()).hasSize(AccessLine.MAX_PATH_CHARS + 3).endsWith("a...");
    assertThat(line.message()).hasSizeLessThan(AccessLine.MAX_PATH_CHARS + 30);
  }

  @Test
  void replacesControlCharactersSoAPathCannotForgeALine() {
    AccessLine line = AccessLine.of("GET", "/x\nPOST /estimate 200 1 ms", 404, 0);

    assertThat(line.message()).doesNotContain("\n").startsWith("GET /x?POST");
  }

  @Test
  void neverReportsANegativeDuration() {
    AccessLine line = AccessLine.of("GET", "/runtime", 200, -5);

    assertThat(line.durationNanos()).isZero();
  }
}
