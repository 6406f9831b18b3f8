package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadTest {

  private static final long[] HUNDRED = new long[100];

  static {
    for (int i = 0; i < HUNDRED.length; i++) {
      HUNDRED[i] = i + 1;
    }
  }

  @Test
  void takesTheNearestRank() {
    assertThat(Load.percentile(HUNDRED, 50)).isEqualTo(50);
    assertThat(Load.percentile(HUNDRED, 99)).isEqualTo(99);
    assertThat(Load.percentile(new long[] {7, 8, 9}, 99)).isEqualTo(9);
  }

  @Test
  void describesItsBounds_soThatTheTableSaysHowTheLoadWasShaped() {
    assertThat(Load.Shape.STANDARD.describe())
        .contains("4 connections")
        .contains("10000 requests or 30 s")
        .contains("each answer within 30 s");
  }

  @Test
  void aLongerWaitForOneAnswerKeepsTheOfferedLoad() {
    Load.Shape emulated =
        Load.Shape.STANDARD.withRequestTimeout(VmSection.EMULATED_REQUEST_TIMEOUT);
    assertThat(emulated.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(emulated.withRequestTimeout(Load.Shape.STANDARD.requestTimeout()))
        .isEqualTo(Load.Shape.STANDARD);
    assertThat(emulated.describe()).contains("each answer within 120 s");
  }
}
