package com.example.inframodels.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The advisor's contract, identical on every packaging. A packaging's test extends this class and
 * returns a client that reaches its real artifact; every case below then runs against it.
 */
public abstract class AdvisorContract {

  public static final String SAMPLE_WORKLOAD =
      "{\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512}";

  /** The sample with a fixed peak: a fleet of fixed size, so a break-even volume exists. */
  public static final String FIXED_PEAK_WORKLOAD =
      "{\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512,"
          + "\"peakRequestsPerSecond\":10}";

  static final Set<String> MODELS =
      Set.of("BARE_METAL", "VIRTUAL_MACHINE", "CONTAINER", "SERVERLESS");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How this packaging's requests reach its artifact. */
  protected abstract ContractClient client();

  public ContractResponse send(ContractRequest request) throws Exception {
    return client().send(request);
  }

  protected static JsonNode json(ContractResponse response) {
    return JSON.readTree(response.body());
  }

  // --- POST /estimate -----------------------------------------------------------------------

  @Test
  void estimatesEveryModelForAValidWorkload() throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    JsonNode estimate = json(response);
    List<String> models = new ArrayList<>();
    List<BigDecimal> costs = new ArrayList<>();
    for (JsonNode option : estimate.get("options")) {
      models.add(option.get("model").asString());
      costs.add(option.get("monthlyUsd").decimalValue());
      assertThat(option.get("capacity").get("description").asString()).isNotBlank();
      assertThat(option.get("assumptions").size()).isPositive();
    }
    assertThat(models).containsExactly("BARE_METAL", "VIRTUAL_MACHINE", "CONTAINER", "SERVERLESS");
    assertThat(costs).allSatisfy(cost -> assertThat(cost).isNotNegative());
    BigDecimal cheapestCost = costs.stream().min(BigDecimal::compareTo).orElseThrow();
    assertThat(costs.get(models.indexOf(estimate.get("cheapest").asString())))
        .as("the cheapest model has the lowest monthly cost")
        .isEqualByComparingTo(cheapestCost);
    assertThat(estimate.get("breakEven").get("explanation").asString()).isNotBlank();
    assertThat(MODELS).contains(estimate.get("breakEven").get("alwaysOnModel").asString());
    assertThat(estimate.get("priceCatalogue").asString()).isNotBlank();
  }

  @Test
  void pricesServerlessPerRequestAndGbSecond() throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD));

    JsonNode serverless = json(response).get("options").get(3);
    assertThat(serverless.get("model").asString()).isEqualTo("SERVERLESS");
    assertThat(serverless.get("monthlyUsd").decimalValue())
        .as("1M × $0.20/M + 1M × 0.12 s × 0.5 GB × $0.0000166667 with the bundled catalogue")
        .isEqualByComparingTo("1.20");
    assertThat(serverless.get("capacity").get("quantity").decimalValue())
        .isEqualByComparingTo("60000");
  }

  @Test
  void findsBreakEvenForAFixedPeak() throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", FIXED_PEAK_WORKLOAD));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode estimate = json(response);
    assertThat(estimate.get("peakRequestsPerSecond").decimalValue()).isEqualByComparingTo("10");
    assertThat(estimate.get("breakEven").get("requestsPerMonth").asLong())
        .as("2 tasks for 10 req/s: 18.02005 USD / 0.000001200002 USD per request, rounded up")
        .isEqualTo(15_016_684L);
    assertThat(estimate.get("breakEven").get("alwaysOnModel").asString()).isEqualTo("CONTAINER");
  }

  // --- architecture and bare-metal offers ---------------------------------------------------

  /** The sample on Arm: Graviton's own Lambda rate, and the choice echoed back. */
  private static final String ARM64_WORKLOAD =
      "{\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512,"
          + "\"architecture\":\"arm64\"}";

  /** The sample with bare metal priced on a rented dedicated server. */
  private static final String DEDICATED_WORKLOAD =
      "{\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512,"
          + "\"bareMetal\":\"dedicated\"}";

  @Test
  void pricesServerlessAtTheArmRateForAnArm64Workload() throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", ARM64_WORKLOAD));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode estimate = json(response);
    assertThat(estimate.get("workload").get("architecture").asString()).isEqualTo("arm64");
    JsonNode serverless = estimate.get("options").get(3);
    assertThat(serverless.get("model").asString()).isEqualTo("SERVERLESS");
    assertThat(serverless.get("monthlyUsd").decimalValue())
        .as("1M × $0.20/M + 1M × 0.12 s × 0.5 GB × $0.0000133334 (arm64) = $1.000004")
        .isEqualByComparingTo("1.00");
    assertThat(serverless.get("capacity").get("quantity").decimalValue())
        .as("the same GB-seconds as on x86_64: only the rate differs")
        .isEqualByComparingTo("60000");
  }

  @Test
  void pricesBareMetalOnARentedDedicatedServerWhenAsked() throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", DEDICATED_WORKLOAD));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode estimate = json(response);
    assertThat(estimate.get("workload").get("bareMetal").asString()).isEqualTo("dedicated");
    JsonNode bareMetal = estimate.get("options").get(0);
    assertThat(bareMetal.get("model").asString()).isEqualTo("BARE_METAL");
    assertThat(bareMetal.get("monthlyUsd").decimalValue())
        .as("1 × OVHcloud Rise-1 at $70 a month, the cheapest rented server that holds 512 MB")
        .isEqualByComparingTo("70.00");
    assertThat(bareMetal.get("capacity").get("size").asString()).isEqualTo("OVHcloud Rise-1 (US)");
    assertThat(bareMetal.get("capacity").get("description").asString())
        .contains("rented by the month");
    List<String> assumptions = new ArrayList<>();
    bareMetal.get("assumptions").forEach(line -> assumptions.add(line.asString()));
    assertThat(assumptions)
        .as("where the rent was read, and the fee the monthly figure leaves out")
        .anySatisfy(line -> assertThat(line).contains("https://us.ovhcloud.com/bare-metal/rise/"))
        .anySatisfy(line -> assertThat(line).contains("setup fee of $70.00"));
  }

  @Test
  void echoesTheDefaultChoicesWhenTheFieldsAreAbsent() throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode workload = json(response).get("workload");
    assertThat(workload.get("architecture").asString()).isEqualTo("x86_64");
    assertThat(workload.get("bareMetal").asString()).isEqualTo("cloud");
    assertThat(json(response).get("options").get(0).get("capacity").get("size").asString())
        .as("bare metal stays on the cloud's own bare-metal instances")
        .isEqualTo("c5.metal");
  }

  static Stream<Arguments> badChoices() {
    String sample = "\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512";
    String architecture = "must be x86_64 or arm64";
    String bareMetal = "must be cloud or dedicated";
    return Stream.of(
        Arguments.of("architecture", sample + ",\"architecture\":\"arm\"", architecture),
        // Ids are matched exactly, as AWS spells them: no case folding.
        Arguments.of("architecture", sample + ",\"architecture\":\"ARM64\"", architecture),
        Arguments.of(
            "architecture",
            sample + ",\"architecture\":64",
            "must be the string x86_64 or arm64, not a number"),
        Arguments.of("bareMetal", sample + ",\"bareMetal\":\"rented\"", bareMetal),
        Arguments.of(
            "bareMetal",
            sample + ",\"bareMetal\":true",
            "must be the string cloud or dedicated, not a boolean"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badChoices")
  void rejectsAChoiceThatIsNotOneOfItsIds(String field, String members, String detail)
      throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", "{" + members + "}"));

    assertProblem(response, 400);
    assertThat(offendingFields(response)).containsExactly(field);
    assertThat(json(response).get("errors").get(0).get("detail").asString())
        .as("the ids it accepts, so the client can correct it")
        .isEqualTo(detail);
  }

  @Test
  void namesBothChoicesWhenBothAreWrong() throws Exception {
    ContractResponse response =
        send(
            ContractRequest.postJson(
                "/estimate",
                "{\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512,"
                    + "\"architecture\":\"arm\",\"bareMetal\":\"rented\"}"));

    assertProblem(response, 400);
    assertThat(offendingFields(response)).containsExactlyInAnyOrder("architecture", "bareMetal");
    List<String> details = new ArrayList<>();
    json(response).get("errors").forEach(error -> details.add(error.get("detail").asString()));
    assertThat(details)
        .as("neither mistake hides the other")
        .containsExactlyInAnyOrder("must be x86_64 or arm64", "must be cloud or dedicated");
  }

  @Test
  void acceptsJsonWithCharsetParameter() throws Exception {
    ContractResponse response =
        send(
            ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD)
                .withContentType("application/json; charset=utf-8"));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  @Test
  void acceptsBodyOfExactlyTheSizeLimit() throws Exception {
    String padded = SAMPLE_WORKLOAD + " ".repeat(64 * 1024 - SAMPLE_WORKLOAD.length());

    ContractResponse response = send(ContractRequest.postJson("/estimate", padded));

    assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(64 * 1024);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  // --- GET /runtime -------------------------------------------------------------------------

  @Test
  void reportsRuntimeModelWithEvidence() throws Exception {
    ContractResponse response = send(ContractRequest.get("/runtime"));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    JsonNode report = json(response);
    assertThat(MODELS).contains(report.get("model").asString());
    assertThat(report.get("evidence").size()).as("evidence for the model").isPositive();
    assertThat(report.get("javaVersion").asString()).isNotBlank();
    assertThat(report.get("availableProcessors").asInt()).isPositive();
    assertThat(report.get("maxHeapBytes").asLong()).isPositive();
    assertThat(report.get("startupTimeMs").asLong())
        .as("measured once the service was ready")
        .isPositive();
  }

  // --- client mistakes: 4xx with problem details --------------------------------------------

  @Test
  void rejectsMalformedJson() throws Exception {
    ContractResponse response =
        send(ContractRequest.postJson("/estimate", "{\"requestsPerMonth\": 10,"));

    assertProblem(response, 400);
    assertThat(json(response).get("detail").asString()).contains("not valid JSON");
  }

  @Test
  void rejectsEmptyBody() throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", ""));

    assertProblem(response, 400);
  }

  /** A JSON string holding a base64 workload must not be decoded into one on the way in. */
  static final String BASE64_WORKLOAD =
      "\"eyJyZXF1ZXN0c1Blck1vbnRoIjoxLCJhdmdEdXJhdGlvbk1zIjoxLCJtZW1vcnlNYiI6MTI4fQ==\"";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[1, 2, 3]", "[]", "42", "null", "true", BASE64_WORKLOAD})
  void rejectsBodyThatIsNotAnObject(String body) throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", body));

    assertProblem(response, 400);
    assertThat(json(response).get("type").asString()).endsWith("#invalid-workload");
    assertThat(json(response).get("detail").asString()).contains("must be a JSON object");
  }

  @Test
  void listsEveryMissingRequiredField() throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", "{}"));

    assertProblem(response, 400);
    assertThat(offendingFields(response))
        .containsExactlyInAnyOrder("requestsPerMonth", "avgDurationMs", "memoryMb");
  }

  @Test
  void listsEveryFieldOfTheWrongType() throws Exception {
    ContractResponse response =
        send(
            ContractRequest.postJson(
                "/estimate",
                "{\"requestsPerMonth\":\"many\",\"avgDurationMs\":true,\"memoryMb\":[512],"
                    + "\"peakRequestsPerSecond\":{}}"));

    assertProblem(response, 400);
    assertThat(offendingFields(response))
        .containsExactlyInAnyOrder(
            "requestsPerMonth", "avgDurationMs", "memoryMb", "peakRequestsPerSecond");
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        Arguments.of(
            "requestsPerMonth", "{\"requestsPerMonth\":-1,\"avgDurationMs\":120,\"memoryMb\":512}"),
        Arguments.of(
            "requestsPerMonth",
            "{\"requestsPerMonth\":1e13,\"avgDurationMs\":120,\"memoryMb\":512}"),
        Arguments.of(
            "requestsPerMonth",
            "{\"requestsPerMonth\":10.5,\"avgDurationMs\":120,\"memoryMb\":512}"),
        Arguments.of(
            "avgDurationMs", "{\"requestsPerMonth\":10,\"avgDurationMs\":0,\"memoryMb\":512}"),
        Arguments.of(
            "avgDurationMs", "{\"requestsPerMonth\":10,\"avgDurationMs\":900001,\"memoryMb\":512}"),
        Arguments.of(
            "memoryMb", "{\"requestsPerMonth\":10,\"avgDurationMs\":120,\"memoryMb\":127}"),
        Arguments.of(
            "memoryMb", "{\"requestsPerMonth\":10,\"avgDurationMs\":120,\"memoryMb\":10241}"),
        Arguments.of(
            "memoryMb", "{\"requestsPerMonth\":10,\"avgDurationMs\":120,\"memoryMb\":512.5}"),
        Arguments.of(
            "memoryMb", "{\"requestsPerMonth\":10,\"avgDurationMs\":120,\"memoryMb\":99999999999}"),
        Arguments.of(
            "peakRequestsPerSecond",
            "{\"requestsPerMonth\":10,\"avgDurationMs\":120,\"memoryMb\":512,\"peakRequestsPerSecond\":0}"),
        Arguments.of(
            "peakRequestsPerSecond",
            "{\"requestsPerMonth\":10,\"avgDurationMs\":120,\"memoryMb\":512,\"peakRequestsPerSecond\":-3}"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("outOfRange")
  void rejectsOutOfRangeValue(String field, String body) throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", body));

    assertProblem(response, 400);
    assertThat(offendingFields(response)).containsExactly(field);
  }

  @Test
  void rejectsUnknownField() throws Exception {
    ContractResponse response =
        send(
            ContractRequest.postJson(
                "/estimate", "{\"requestsPerMonth\":10,\"avgDurationMs\":120,\"memoryMB\":512}"));

    assertProblem(response, 400);
    assertThat(offendingFields(response))
        .as("a misspelt field is named, and so is the required one it failed to set")
        .containsExactlyInAnyOrder("memoryMB", "memoryMb");
  }

  @Test
  void rejectsDuplicateKey() throws Exception {
    ContractResponse response =
        send(
            ContractRequest.postJson(
                "/estimate",
                "{\"requestsPerMonth\":10,\"requestsPerMonth\":20,\"avgDurationMs\":1,\"memoryMb\":512}"));

    assertProblem(response, 400);
  }

  @ParameterizedTest(name = "Content-Type: {0}")
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
  void rejectsOtherContentTypes(String contentType) throws Exception {
    ContractResponse response =
        send(ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD).withContentType(contentType));

    assertProblem(response, 415);
  }

  @Test
  void rejectsMissingContentType() throws Exception {
    ContractResponse response =
        send(ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD).withContentType(null));

    assertProblem(response, 415);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/estimates",
        "/estimate/extra",
        "/estimate/sweep/",
        "/runtime/",
        "/admin",
        "/index.html",
        "/assets/",
        "/assets/nope.js",
        "/assets/../runtime"
      })
  void rejectsUnknownPath(String path) throws Exception {
    ContractResponse response = send(ContractRequest.get(path));

    assertProblem(response, 404);
  }

  @ParameterizedTest(name = "{0} /estimate")
  @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
  void rejectsWrongMethodOnEstimate(String method) throws Exception {
    ContractResponse response =
        send(ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD).withMethod(method));

    assertProblem(response, 405);
    assertThat(response.header("allow")).isEqualTo("POST");
  }

  @ParameterizedTest(name = "{0} /runtime")
  @ValueSource(strings = {"POST", "PUT", "DELETE"})
  void rejectsWrongMethodOnRuntime(String method) throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/runtime", "{}").withMethod(method));

    assertProblem(response, 405);
    assertThat(response.header("allow")).contains("GET");
  }

  @Test
  void rejectsBodyOverTheSizeLimit() throws Exception {
    String tooLarge = SAMPLE_WORKLOAD + " ".repeat(64 * 1024 - SAMPLE_WORKLOAD.length() + 1);

    ContractResponse response = send(ContractRequest.postJson("/estimate", tooLarge));

    assertProblem(response, 413);
  }

  @ParameterizedTest(name = "Content-Type: {0}")
  @ValueSource(
      strings = {
        ";;;",
        "x",
        "application/json; charset=\"",
        "application/json; =utf-8",
        "application/json; q=\""
      })
  void rejectsContentTypesThatDoNotParse(String contentType) throws Exception {
    ContractResponse response =
        send(ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD).withContentType(contentType));

    assertProblem(response, 415);
  }

  @Test
  void rejectsJsonInACharsetOtherThanUtf8() throws Exception {
    ContractResponse response =
        send(
            ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD)
                .withContentType("application/json; charset=iso-8859-1"));

    assertProblem(response, 415);
  }

  @Test
  void rejectsAnUnparseableContentTypeOnAnUnknownPath() throws Exception {
    ContractResponse response =
        send(ContractRequest.postJson("/nowhere", "{}").withContentType("x"));

    assertProblem(response, 404);
  }

  @Test
  void rejectsChunkedBodyOverTheSizeLimit() throws Exception {
    String tooLarge = SAMPLE_WORKLOAD + " ".repeat(100 * 1024);

    ContractResponse response = send(ContractRequest.postJson("/estimate", tooLarge).inChunks());

    assertProblem(response, 413);
  }

  @Test
  void acceptsAChunkedBodyWithinTheLimit() throws Exception {
    ContractResponse response =
        send(ContractRequest.postJson("/estimate", SAMPLE_WORKLOAD).inChunks());

    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"requestsPerMonth\":1e99999999,\"avgDurationMs\":120,\"memoryMb\":512}",
        "{\"requestsPerMonth\":10,\"avgDurationMs\":1e-10000,\"memoryMb\":512}",
        "{\"requestsPerMonth\":10,\"avgDurationMs\":120.0000001,\"memoryMb\":512}",
        "{\"requestsPerMonth\":10,\"avgDurationMs\":120,\"memoryMb\":512,\"peakRequestsPerSecond\":1e-9999}"
      })
  void rejectsNumbersWithTooManyDigits(String body) throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate", body));

    assertProblem(response, 400);
    assertThat(offendingFields(response)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1e2147483648", "1E2147483647", "-1e2147483648", "0e-2147483648"})
  void rejectsNumbersBeyondTheExponentRange(String number) throws Exception {
    ContractResponse response =
        send(
            ContractRequest.postJson(
                "/estimate",
                "{\"requestsPerMonth\":" + number + ",\"avgDurationMs\":1,\"memoryMb\":128}"));

    assertProblem(response, 400);
  }

  @Test
  void rejectsABodyThatIsNotUtf8() throws Exception {
    byte[] utf16 = SAMPLE_WORKLOAD.getBytes(java.nio.charset.StandardCharsets.UTF_16);

    ContractResponse response =
        send(new ContractRequest("POST", "/estimate", "application/json", utf16));

    assertProblem(response, 400);
    assertThat(json(response).get("detail").asString()).contains("UTF-8");
  }

  @Test
  void ignoresAUtf8ByteOrderMark() throws Exception {
    ContractResponse response =
        send(ContractRequest.postJson("/estimate", "\uFEFF" + SAMPLE_WORKLOAD));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  @Test
  void listsAPeakBelowTheAverageAlongsideOtherMistakes() throws Exception {
    ContractResponse response =
        send(
            ContractRequest.postJson(
                "/estimate",
                "{\"requestsPerMonth\":1e9,\"avgDurationMs\":100,\"memoryMb\":1,"
                    + "\"peakRequestsPerSecond\":1}"));

    assertProblem(response, 400);
    assertThat(offendingFields(response))
        .containsExactlyInAnyOrder("memoryMb", "peakRequestsPerSecond");
  }

  @Test
  void rejectsAVeryLongPath() throws Exception {
    ContractResponse response = send(ContractRequest.get("/" + "a".repeat(10_000)));

    assertThat(response.status()).as(response.body()).isIn(400, 404, 414);
    assertProblem(response, response.status());
  }

  @Test
  void rejectsAPeakBelowTheAverageRate() throws Exception {
    ContractResponse response =
        send(
            ContractRequest.postJson(
                "/estimate",
                "{\"requestsPerMonth\":1000000000000,\"avgDurationMs\":120,\"memoryMb\":512,"
                    + "\"peakRequestsPerSecond\":1}"));

    assertProblem(response, 400);
    assertThat(offendingFields(response)).containsExactly("peakRequestsPerSecond");
  }

  @Test
  void answersHeadOnRuntimeWithoutABody() throws Exception {
    ContractResponse response = send(ContractRequest.get("/runtime").withMethod("HEAD"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void rejectsTrace() throws Exception {
    ContractResponse response = send(ContractRequest.get("/runtime").withMethod("TRACE"));

    assertProblem(response, 405);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/estimate%2F", "/estimate%00", "/%65stimate%3Bx"})
  void rejectsOddlyEncodedPaths(String path) throws Exception {
    ContractResponse response = send(ContractRequest.postJson(path, SAMPLE_WORKLOAD));

    assertThat(response.status())
        .as("refused by the HTTP server (400) or not found (404): %s", response.body())
        .isIn(400, 404);
    assertProblem(response, response.status());
  }

  // --- POST /estimate/sweep: the cost curve the page draws --------------------------------------

  /**
   * The sample's duration and memory, swept from a hundred thousand to a billion requests a month.
   */
  public static final String SAMPLE_SWEEP =
      "{\"fromRequestsPerMonth\":100000,\"toRequestsPerMonth\":1000000000,\"points\":25,"
          + "\"avgDurationMs\":120,\"memoryMb\":512}";

  @Test
  void sweepsEveryModelAcrossARangeOfVolumes() throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate/sweep", SAMPLE_SWEEP));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    JsonNode sweep = json(response);
    List<Long> volumes = new ArrayList<>();
    sweep.get("requestsPerMonth").forEach(volume -> volumes.add(volume.asLong()));
    assertThat(volumes).hasSize(25).startsWith(100_000L).endsWith(1_000_000_000L).isSorted();
    assertThat(volumes).doesNotHaveDuplicates();
    List<String> models = new ArrayList<>();
    for (JsonNode series : sweep.get("series")) {
      models.add(series.get("model").asString());
      assertThat(series.get("monthlyUsd").size()).as(series.toString()).isEqualTo(25);
    }
    assertThat(models).containsExactly("BARE_METAL", "VIRTUAL_MACHINE", "CONTAINER", "SERVERLESS");
    List<BigDecimal> serverless = new ArrayList<>();
    sweep.get("series").get(3).get("monthlyUsd").forEach(c -> serverless.add(c.decimalValue()));
    assertThat(serverless)
        .as("serverless is billed per request, so it costs more at every larger volume")
        .isSortedAccordingTo(BigDecimal::compareTo)
        .doesNotHaveDuplicates();
    assertThat(sweep.get("priceCatalogue").asString()).isNotBlank();
  }

  @Test
  void sweepAgreesWithTheEstimateAtEachVolume() throws Exception {
    JsonNode sweep =
        json(
            send(
                ContractRequest.postJson(
                    "/estimate/sweep",
                    "{\"fromRequestsPerMonth\":10000,\"toRequestsPerMonth\":100000000,"
                        + "\"points\":3,\"avgDurationMs\":120,\"memoryMb\":512,"
                        + "\"architecture\":\"arm64\"}")));

    assertThat(sweep.get("requestsPerMonth").size()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      long volume = sweep.get("requestsPerMonth").get(i).asLong();
      JsonNode estimate =
          json(
              send(
                  ContractRequest.postJson(
                      "/estimate",
                      "{\"requestsPerMonth\":"
                          + volume
                          + ",\"avgDurationMs\":120,\"memoryMb\":512,\"architecture\":\"arm64\"}")));
      for (int model = 0; model < 4; model++) {
        assertThat(sweep.get("series").get(model).get("monthlyUsd").get(i).decimalValue())
            .as(
                "%s at %d requests a month",
                estimate.get("options").get(model).get("model"), volume)
            .isEqualByComparingTo(
                estimate.get("options").get(model).get("monthlyUsd").decimalValue());
      }
    }
  }

  static Stream<Arguments> badSweeps() {
    String workload = ",\"avgDurationMs\":120,\"memoryMb\":512";
    return Stream.of(
        Arguments.of(
            List.of("points"),
            "{\"fromRequestsPerMonth\":1,\"toRequestsPerMonth\":100,\"points\":1" + workload + "}"),
        Arguments.of(
            List.of("points"),
            "{\"fromRequestsPerMonth\":1,\"toRequestsPerMonth\":100,\"points\":101"
                + workload
                + "}"),
        Arguments.of(
            List.of("points"),
            "{\"fromRequestsPerMonth\":1,\"toRequestsPerMonth\":100,\"points\":2.5"
                + workload
                + "}"),
        Arguments.of(
            List.of("fromRequestsPerMonth"),
            "{\"fromRequestsPerMonth\":0,\"toRequestsPerMonth\":100,\"points\":5" + workload + "}"),
        Arguments.of(
            List.of("toRequestsPerMonth"),
            "{\"fromRequestsPerMonth\":100,\"toRequestsPerMonth\":100,\"points\":5"
                + workload
                + "}"),
        Arguments.of(
            List.of("toRequestsPerMonth"),
            "{\"fromRequestsPerMonth\":1,\"toRequestsPerMonth\":1000000000001,\"points\":5"
                + workload
                + "}"),
        Arguments.of(
            List.of("toRequestsPerMonth", "points"),
            "{\"fromRequestsPerMonth\":1" + workload + "}"),
        Arguments.of(
            List.of("requestsPerMonth"),
            "{\"requestsPerMonth\":5,\"fromRequestsPerMonth\":1,\"toRequestsPerMonth\":100,"
                + "\"points\":5"
                + workload
                + "}"),
        Arguments.of(
            List.of("peakRequestsPerSecond"),
            "{\"fromRequestsPerMonth\":1,\"toRequestsPerMonth\":1000000000,\"points\":5,"
                + "\"peakRequestsPerSecond\":1"
                + workload
                + "}"),
        Arguments.of(
            List.of("memoryMb", "architecture"),
            "{\"fromRequestsPerMonth\":1,\"toRequestsPerMonth\":100,\"points\":5,"
                + "\"avgDurationMs\":120,\"memoryMb\":64,\"architecture\":\"sparc\"}"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badSweeps")
  void rejectsABadSweepNamingEachField(List<String> fields, String body) throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate/sweep", body));

    assertProblem(response, 400);
    assertThat(offendingFields(response)).containsExactlyInAnyOrderElementsOf(fields);
  }

  @Test
  void rejectsASweepThatIsNotJson() throws Exception {
    ContractResponse response =
        send(ContractRequest.postJson("/estimate/sweep", "points=5").withContentType("text/plain"));

    assertProblem(response, 415);
  }

  @Test
  void rejectsMalformedJsonOnTheSweep() throws Exception {
    ContractResponse response = send(ContractRequest.postJson("/estimate/sweep", "{\"points\":"));

    assertProblem(response, 400);
  }

  @ParameterizedTest(name = "{0} /estimate/sweep")
  @ValueSource(strings = {"GET", "PUT", "DELETE"})
  void rejectsWrongMethodOnTheSweep(String method) throws Exception {
    ContractResponse response =
        send(ContractRequest.postJson("/estimate/sweep", SAMPLE_SWEEP).withMethod(method));

    assertProblem(response, 405);
    assertThat(response.header("allow")).isEqualTo("POST");
  }

  // --- GET /: the page ------------------------------------------------------------------------

  @Test
  void servesThePageAtTheRoot() throws Exception {
    ContractResponse response = send(ContractRequest.get("/"));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("text/html");
    assertThat(response.body()).contains("<form id=\"workload\"", "id=\"model-badge\"");
    assertThat(response.body())
        .as("the form's constraints are the contract's limits")
        .contains("max=\"1000000000000\"", "min=\"128\"", "max=\"10240\"")
        .doesNotContain("{{");
    assertThat(response.header("content-security-policy"))
        .as("scripts from this origin only: no CDN, no inline script")
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
  }

  @Test
  void servesEveryFileThePageLoads() throws Exception {
    String page = send(ContractRequest.get("/")).body();
    Matcher links = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
    List<String> files = new ArrayList<>();
    while (links.find()) {
      files.add(links.group(1));
    }

    assertThat(files)
        .as("the page's scripts and styles, all from this service")
        .contains("/assets/page.js", "/assets/uPlot.iife.min.js", "/assets/page.css")
        .allSatisfy(file -> assertThat(file).matches("/assets/.+|data:,"));
    files.remove("data:,");
    for (String file : files) {
      ContractResponse response = send(ContractRequest.get(file));
      assertThat(response.status()).as(file).isEqualTo(200);
      assertThat(response.mediaType())
          .as(file)
          .isEqualTo(file.endsWith(".js") ? "text/javascript" : "text/css");
      assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
      assertThat(response.body()).as(file).hasSizeGreaterThan(100);
    }
  }

  @Test
  void answersHeadOnThePageWithoutABody() throws Exception {
    ContractResponse response = send(ContractRequest.get("/").withMethod("HEAD"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"POST, /", "PUT, /assets/page.js", "DELETE, /"})
  void rejectsWritesToThePage(String method, String path) throws Exception {
    ContractResponse response = send(ContractRequest.postJson(path, "{}").withMethod(method));

    assertProblem(response, 405);
    assertThat(response.header("allow")).isEqualTo("GET, HEAD");
  }

  /** Every client mistake: the status, an RFC 9457 body that agrees with it, no stack trace. */
  protected static void assertProblem(ContractResponse response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.mediaType()).isEqualTo("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asString()).isNotBlank();
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(response.body())
        .as("no stack trace or exception class reaches the client")
        .doesNotContain("Exception", "\tat ", ".java:");
  }

  protected static List<String> offendingFields(ContractResponse response) {
    List<String> fields = new ArrayList<>();
    json(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
    return fields;
  }
}
