package com.example.inframodels.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "memoryMb, #/memoryMb",
    "a/b, #/a~1b",
    "m~n, #/m~0n",
    "'with space', #/with%20space",
    "\"quoted\", #/%22quoted%22",
    "é, #/%C3%A9"
  })
  void pointsAtTheFieldWithAnEscapedJsonPointer(String field, String pointer) {
    assertThat(Problems.pointer(field)).isEqualTo(pointer);
  }
}
