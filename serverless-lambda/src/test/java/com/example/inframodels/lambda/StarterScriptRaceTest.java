package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StarterScriptRaceTest {

  /** The shells' words, as testcontainers-java pull request 11963 and issue 3288 quote them. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "sh: 1: /testcontainers_start.sh: Text file busy\n",
        "sh: 1: /testcontainers_start.sh: Permission denied\n",
        "sh: /testcontainers_start.sh: /bin/bash: bad interpreter: Text file busy\n"
      })
  void recognisesTheScriptThatCouldNotRun(String output) {
    assertThat(StarterScriptRace.seenIn(output)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "LocalStack version: 4.14.0\nReady.\n",
        // A failure of LocalStack's own, which starting again would not mend.
        "Localstack returning with exit code 55. Reason:\nLicense activation failed!\n",
        "bash: /usr/local/bin/docker-entrypoint.sh: Permission denied\n"
      })
  void leavesOtherFailuresAlone(String output) {
    assertThat(StarterScriptRace.seenIn(output)).isFalse();
  }
}
