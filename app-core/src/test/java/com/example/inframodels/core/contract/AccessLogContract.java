package com.example.inframodels.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.LogLines;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The access log's contract, on every packaging that keeps a log the tests can read: one line per
 * request, with its method, path and status, and never the request's body — a rejected request
 * included. A packaging's contract test implements this interface beside extending {@link
 * AdvisorContract}: it says where its log is ({@link #logText()}), which lines are its access lines
 * ({@link #isAccessLine}) and what else its line must hold ({@link #checkAccessLine}); the cases
 * below then run against its real artifact. The format is the packaging's (a plain line for the
 * journal, JSON where the platform reads JSON); the fields are the same everywhere.
 */
public interface AccessLogContract {

  /** How long a request's access line may take to reach the log. */
  Duration ACCESS_LINE_WAIT = Duration.ofSeconds(15);

  /** Sends one request to the packaging's artifact, as the contract's other cases do. */
  ContractResponse send(ContractRequest request) throws Exception;

  /** The packaging's log as it is now, read afresh on every call. */
  String logText();

  /** Whether {@code line} is this packaging's access line for that method, path and status. */
  boolean isAccessLine(String line, String method, String path, int status);

  /**
   * What this packaging's access line for {@code POST /estimate 200} holds besides its method, path
   * and status (its level, its duration, the platform's own fields); {@code linesSinceMark} are all
   * the lines logged since just before the request.
   */
  void checkAccessLine(String line, List<String> linesSinceMark) throws Exception;

  /**
   * The access line's message on every packaging, as a regular expression: method, path, status and
   * milliseconds, e.g. {@code POST /estimate 200 3 ms}.
   */
  static String message(String method, String path, int status) {
    return Pattern.quote(method + " " + path + " " + status) + " \\d+ ms";
  }

  @Test
  default void logsOneAccessLinePerRequestWithItsFieldsAndWithoutItsBody() throws Exception {
    LogLines log = new LogLines(this::logText).mark();

    ContractResponse response =
        send(ContractRequest.postJson("/estimate", AdvisorContract.SAMPLE_WORKLOAD));
    String line =
        log.awaitExactlyOne(
            logged -> isAccessLine(logged, "POST", "/estimate", 200),
            "the access line of POST /estimate 200",
            ACCESS_LINE_WAIT);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    checkAccessLine(line, log.sinceMark());
    assertThat(log.sinceMark())
        .as("the body is never logged")
        .noneMatch(logged -> logged.contains("requestsPerMonth"));
  }

  @Test
  default void logsARejectedRequestWithItsStatusAndWithoutItsBody() throws Exception {
    String secret = "secret-" + UUID.randomUUID();
    LogLines log = new LogLines(this::logText).mark();

    ContractResponse response =
        send(ContractRequest.postJson("/estimate", "{\"" + secret + "\": 1}"));
    log.awaitExactlyOne(
        logged -> isAccessLine(logged, "POST", "/estimate", 400),
        "the access line of POST /estimate 400",
        ACCESS_LINE_WAIT);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(log.sinceMark()).as("the body is never logged").noneMatch(l -> l.contains(secret));
  }
}
