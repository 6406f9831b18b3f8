package com.example.inframodels.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogLinesTest {

  private final StringBuilder log = new StringBuilder("started\nPOST /estimate 200 1 ms\n");
  private final LogLines lines = new LogLines(log::toString);

  @Test
  void findsTheOneLineLoggedSinceTheMark() throws Exception {
    lines.mark();
    log.append("POST /estimate 200 2 ms\n");

    String line =
        lines.awaitExactlyOne(l -> l.startsWith("POST"), "the access line", Duration.ZERO);

    assertThat(line).isEqualTo("POST /estimate 200 2 ms");
  }

  @Test
  void leavesOutALineStillBeingWritten() {
    lines.mark();
    log.append("POST /estimate 200 2 ms\nPOST /esti");

    assertThat(lines.sinceMark()).containsExactly("POST /estimate 200 2 ms");
  }

  @Test
  void failsWhenTwoLinesMatch() {
    lines.mark();
    log.append("POST /estimate 200 2 ms\nPOST /estimate 200 2 ms\n");

    assertThatThrownBy(
            () ->
                lines.awaitExactlyOne(l -> l.startsWith("POST"), "the access line", Duration.ZERO))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("found 2");
  }

  @Test
  void failsWhenNoLineAppears() {
    lines.mark();

    assertThatThrownBy(
            () ->
                lines.awaitExactlyOne(
                    l -> l.startsWith("POST"), "the access line", Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("found 0");
  }
}
