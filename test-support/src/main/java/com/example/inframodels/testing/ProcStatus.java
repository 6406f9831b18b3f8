package com.example.inframodels.testing;

import java.util.Map;
import java.util.stream.Collectors;

/** The fields of a {@code /proc/PID/status} file, read on whatever host the process runs on. */
public final class ProcStatus {

  private ProcStatus() {}

  /**
   * {@code "Uid:\t0\t0\t0\t0"} becomes {@code Uid -> "0\t0\t0\t0"}; the first of a repeated key
   * wins.
   */
  public static Map<String, String> parse(String statusText) {
    return statusText
        .lines()
        .filter(line -> line.contains(":"))
        .collect(
            Collectors.toMap(
                line -> line.substring(0, line.indexOf(':')),
                line -> line.substring(line.indexOf(':') + 1).strip(),
                (first, second) -> first));
  }
}
