package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two handlers' outputs for one Lambda input, which must be the same document: for an HTTP API
 * event the same status, the same headers (names as written, and values), the same body and
 * encoding, and no other fields; for a direct invocation the same estimate or problem. API Gateway
 * passes every header a function returns on to the client, so a header only one handler adds
 * reaches clients of one packaging only.
 *
 * <p>One thing may differ, and only for {@code GET /runtime}: the body, which reports the process
 * it was measured in (its start-up time and Lambda's evidence, such as the function's name).
 */
final class HandlerAnswers {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The path whose body describes the answering process, not the request. */
  static final String PER_PROCESS_PATH = "/runtime";

  private HandlerAnswers() {}

  /**
   * Fails unless both outputs agree as the class comment says.
   *
   * @param path the request's path, for an HTTP API event; {@code null} for a direct invocation
   */
  static void assertAlike(String path, byte[] lean, byte[] spring) {
    JsonNode leanOutput = JSON.readTree(lean);
    JsonNode springOutput = JSON.readTree(spring);
    String both =
        "lean handler: "
            + new String(lean, StandardCharsets.UTF_8)
            + "\nSpring path:  "
            + new String(spring, StandardCharsets.UTF_8);

    if (path == null) {
      assertThat(springOutput).as(both).isEqualTo(leanOutput);
      return;
    }
    assertThat(fields(springOutput)).as(both).isEqualTo(fields(leanOutput));
    assertThat(springOutput.get("statusCode")).as(both).isEqualTo(leanOutput.get("statusCode"));
    assertThat(springOutput.get("headers"))
        .as("headers, names and values\n%s", both)
        .isEqualTo(leanOutput.get("headers"));
    assertThat(springOutput.get("isBase64Encoded"))
        .as(both)
        .isEqualTo(leanOutput.get("isBase64Encoded"));
    if (!PER_PROCESS_PATH.equals(path)) {
      assertThat(springOutput.get("body")).as(both).isEqualTo(leanOutput.get("body"));
    }
  }

  private static List<String> fields(JsonNode output) {
    List<String> names = new ArrayList<>(output.propertyNames());
    names.sort(null);
    return names;
  }
}
