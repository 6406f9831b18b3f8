package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResidentTest {

  @Test
  void readsVmRssInKibAsMib() {
    String status = "Name:\tjava\nVmHWM:\t  300000 kB\nVmRSS:\t  183808 kB\nThreads:\t31\n";

    assertThat(Resident.mib(status)).isEqualTo(179.5);
  }

  @Test
  void failsRatherThanGuessWhenTheStatusHasNoVmRss() {
    // A kernel thread, or a process that exited between listing and reading.
    assertThatThrownBy(() -> Resident.mib("Name:\tkthreadd\nThreads:\t1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VmRSS");
  }
}
