package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole contract through both handlers at once: every request goes to the lean handler and to
 * {@code FunctionInvoker} as the same HTTP API event, and the two answers must agree header for
 * header ({@link HandlerAnswers}); so must their answers to events and direct invocations the
 * contract's requests cannot make.
 */
abstract class BothHandlersContract extends AdvisorContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The lean handler's output for one Lambda input. */
  protected abstract byte[] lean(byte[] input) throws Exception;

  /** The Spring path's output for the same input. */
  protected abstract byte[] spring(byte[] input) throws Exception;

  @Override
  protected ContractClient client() {
    return request -> answer(request.path(), HttpApiEvents.event(request));
  }

  /** {@link HttpApiEvents} encodes every body correctly; API Gateway's callers may not. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"%%% not base64 %%%", "e30", "{\"requestsPerMonth\":1}"})
  void answersABodyThatIsNotBase64Alike(String body) throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(HttpApiEvents.event(postEstimate("{}")));
    event.put("body", body);
    event.put("isBase64Encoded", true);

    ContractResponse response = answer("/estimate", JSON.writeValueAsBytes(event));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.mediaType()).isEqualTo("application/problem+json");
  }

  @Test
  void answersANumberThatOverflowsAlike() throws Exception {
    String overflowing = "{\"requestsPerMonth\":1" + "0".repeat(40) + ",\"avgDurationMs\":1}";

    ContractResponse response = answer("/estimate", HttpApiEvents.event(postEstimate(overflowing)));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.mediaType()).isEqualTo("application/problem+json");
  }

  /**
   * Workloads sent directly, not through API Gateway. Lambda's Invoke API refuses a payload that is
   * not JSON before any function runs; a function called some other way (the emulator, a test) must
   * still answer it as the other handler does.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SAMPLE_WORKLOAD, "{\"hello\":\"world\"}", "[]", "[1,2]", "not json"})
  void answersADirectInvocationAlike(String input) throws Exception {
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);

    byte[] fromLean = lean(bytes);
    byte[] fromSpring = spring(bytes);

    HandlerAnswers.assertAlike(null, fromLean, fromSpring);
  }

  private static ContractRequest postEstimate(String json) {
    return ContractRequest.postJson("/estimate", json);
  }

  private ContractResponse answer(String path, byte[] event) throws Exception {
    byte[] fromLean = lean(event);
    byte[] fromSpring = spring(event);

    HandlerAnswers.assertAlike(path, fromLean, fromSpring);
    return HttpApiEvents.response(fromLean);
  }
}
