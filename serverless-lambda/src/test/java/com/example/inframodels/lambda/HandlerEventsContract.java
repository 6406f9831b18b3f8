package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.example.inframodels.core.contract.ContractResponse;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recorded-style events, as they arrive from API Gateway or a direct call, through a handler. Each
 * fixture is first read with AWS's own event loader, so it is a valid event.
 */
abstract class HandlerEventsContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The handler's output for one Lambda input document. */
  protected abstract byte[] invoke(byte[] input) throws IOException;

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

    ContractResponse response = HttpApiEvents.response(run(fixture));

    assertThat(parsed.getRequestContext().getHttp().getMethod()).isNotBlank();
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.mediaType()).isEqualTo(type);
  }

  @Test
  void answersADirectInvocationWithTheEstimateItself() throws IOException {
    JsonNode output = JSON.readTree(run("events/direct-workload.json"));

    assertThat(output.get("cheapest").asString()).isEqualTo("SERVERLESS");
  }

  @Test
  void answersADirectInvocationWithAProblemWhenItIsNoWorkload() throws IOException {
    JsonNode output = JSON.readTree(run("events/direct-not-a-workload.json"));

    assertThat(output.get("status").asInt()).isEqualTo(400);
    assertThat(output.get("errors").toString()).contains("hello");
  }

  private byte[] run(String fixture) throws IOException {
    try (InputStream in =
        HandlerEventsContract.class.getClassLoader().getResourceAsStream(fixture)) {
      return invoke(in.readAllBytes());
    }
  }
}
