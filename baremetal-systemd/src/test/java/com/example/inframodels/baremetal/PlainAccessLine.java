package com.example.inframodels.baremetal;

import com.example.inframodels.core.contract.AccessLogContract;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The access line the journal shows for one request: Spring Boot's plain console pattern, with the
 * request's method, path, status and milliseconds as its message. The fat JAR's console and the
 * unit's journal both carry it, so both tests match it the same way.
 */
final class PlainAccessLine {

  private PlainAccessLine() {}

  /** Matches the access line of METHOD PATH STATUS, whatever the logger's abbreviated name. */
  static Predicate<String> of(String method, String path, int status) {
    return Pattern.compile(
            "\\sc(om)?\\.e(xample)?\\.inframodels\\.access\\s+: "
                + AccessLogContract.message(method, path, status)
                + "$")
        .asPredicate();
  }
}
