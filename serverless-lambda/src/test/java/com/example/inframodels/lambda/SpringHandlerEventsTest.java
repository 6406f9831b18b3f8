package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.example.inframodels.core.contract.ContractResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;

/** The same fixtures as the lean handler's, through Spring Cloud Function's FunctionInvoker. */
class SpringHandlerEventsTest {

  private static FunctionInvoker invoker;

  @BeforeAll
  static void startSpring() {
    // Where FunctionInvoker looks for the application when there is no jar manifest to read.
    System.setProperty("MAIN_CLASS", SpringAdvisorApplication.class.getName());
    invoker = new FunctionInvoker();
  }

  @AfterAll
  static void forgetTheMainClass() {
    System.clearProperty("MAIN_CLASS");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "events/post-estimate.json, 200, application/json",
    "events/get-runtime.json, 200, application/json",
    "events/post-estimate-malformed.json, 400, application/problem+json",
    "events/post-estimate-text-plain.json, 415, application/problem+json",
    "events/get-unknown-route.json, 404, application/problem+json",
    "events/get-estimate.json, 405, application/problem+json"
  })
  void answersApiGatewayEventsWithTheContractsStatus(String fixture, int status, String type)
      throws IOException {
    APIGatewayV2HTTPEvent parsed = EventLoader.loadApiGatewayHttpEvent(fixture);

    ContractResponse response = LeanHandlerContractTest.response(run(fixture));

    assertThat(parsed.getRequestContext().getHttp().getMethod()).isNotBlank();
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.mediaType()).isEqualTo(type);
  }

  @Test
  void answersADirectInvocationWithTheEstimateItself() throws IOException {
    JsonNode output = LeanHandlerContractTest.mapper().readTree(run("events/direct-workload.json"));

    assertThat(output.get("cheapest").asString()).isEqualTo("SERVERLESS");
  }

  private static byte[] run(String fixture) throws IOException {
    try (InputStream in =
        SpringHandlerEventsTest.class.getClassLoader().getResourceAsStream(fixture)) {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      invoker.handleRequest(new ByteArrayInputStream(in.readAllBytes()), output, null);
      return output.toByteArray();
    }
  }
}
