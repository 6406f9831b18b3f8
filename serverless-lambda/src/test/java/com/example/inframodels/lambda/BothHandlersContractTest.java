package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractResponse;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole contract through both handlers at once, in process: every request goes to the lean
 * handler and to {@code FunctionInvoker} as the same HTTP API event, and the two answers must agree
 * header for header ({@link HandlerAnswers}). The runtime client's IT does the same through the
 * built jar.
 */
class BothHandlersContractTest extends AdvisorContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final LeanAdvisorHandler LEAN = new LeanAdvisorHandler();

  private static FunctionInvoker spring;

  @BeforeAll
  static void startSpring() {
    // Where FunctionInvoker looks for the application when there is no jar manifest to read.
    System.setProperty("MAIN_CLASS", SpringAdvisorApplication.class.getName());
    spring = new FunctionInvoker();
  }

  @AfterAll
  static void forgetTheMainClass() {
    System.clearProperty("MAIN_CLASS");
  }

  @Override
  protected ContractClient client() {
    return request -> answer(request.path(), HttpApiEvents.event(request));
  }

  /**
   * Events the contract's requests cannot make, because {@link HttpApiEvents} encodes every body
   * correctly: a body that claims to be base64 and is not.
   */
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
    ContractResponse response =
        answer(
            "/estimate",
            HttpApiEvents.event(
                postEstimate(
                    "{\"requestsPerMonth\":1" + "0".repeat(40) + ",\"avgDurationMs\":1}")));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.mediaType()).isEqualTo("application/problem+json");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {SAMPLE_WORKLOAD, "{\"hello\":\"world\"}", "not json", "[]"})
  void answersADirectInvocationAlike(String input) throws Exception {
    byte[] bytes = input.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    byte[] lean = InProcess.invoke(LEAN, bytes);
    byte[] fromSpring = InProcess.invoke(spring, bytes);

    HandlerAnswers.assertAlike(null, lean, fromSpring);
  }

  private static com.example.inframodels.core.contract.ContractRequest postEstimate(String json) {
    return com.example.inframodels.core.contract.ContractRequest.postJson("/estimate", json);
  }

  private static ContractResponse answer(String path, byte[] event) throws IOException {
    byte[] lean = InProcess.invoke(LEAN, event);
    byte[] fromSpring = InProcess.invoke(spring, event);

    HandlerAnswers.assertAlike(path, lean, fromSpring);
    return HttpApiEvents.response(lean);
  }
}
