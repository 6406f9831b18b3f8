package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SystemdServiceTest {

  @Test
  void takesMainPidAsSystemctlShowsIt() {
    assertThat(SystemdService.mainPid("1234\n")).isEqualTo(1234);
  }

  @Test
  void refusesAMainPidOfZero_whichMeansTheUnitHasNoProcess() {
    assertThatThrownBy(() -> SystemdService.mainPid("0"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MainPID=0");
  }

  @Test
  void takesTheInnermostNamespacesPid() {
    String status = "Name:\tjava\nPid:\t48211\nNSpid:\t48211\t263\nNStgid:\t48211\t263\n";

    assertThat(SystemdService.innermostPid(status)).isEqualTo(263);
  }

  @Test
  void aProcessOutsideAnyPidNamespaceHasOnlyItsOwnPid() {
    assertThat(SystemdService.innermostPid("NSpid:\t512\n")).isEqualTo(512);
  }

  @Test
  void findsTheInvocationIdInTheSupervisorsEvidence() {
    String body =
        "{\"model\":\"CONTAINER\",\"supervisor\":\"systemd\",\"supervisorEvidence\":[\"env"
            + " INVOCATION_ID=5f1c0e0c2f7a4e59b0a3d8c1e2f40a6b: started by systemd\"]}";

    assertThat(SystemdService.invocationId(body)).contains("5f1c0e0c2f7a4e59b0a3d8c1e2f40a6b");
  }

  @Test
  void aProcessNotStartedBySystemdHasNoInvocation() {
    assertThat(SystemdService.invocationId("{\"supervisor\":null,\"supervisorEvidence\":[]}"))
        .isEmpty();
  }
}
