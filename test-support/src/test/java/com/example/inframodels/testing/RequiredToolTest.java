package com.example.inframodels.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequiredToolTest {

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "1", "yes", "woodpecker"})
  void treatsAnyOtherValueOfCiAsCi(String value) {
    assertThat(RequiredTool.isCiValue(value)).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "false", "FALSE", "False"})
  void treatsUnsetEmptyOrFalseAsNotCi(String value) {
    assertThat(RequiredTool.isCiValue(value)).isFalse();
  }
}
