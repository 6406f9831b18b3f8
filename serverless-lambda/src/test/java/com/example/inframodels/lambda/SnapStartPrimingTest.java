package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SnapStart hooks, called directly as Lambda's runtime calls them: before the snapshot, then
 * after a restore. A primed function must answer as it did unprimed, and priming must leave nothing
 * in the snapshot that each restored environment should have of its own.
 */
class SnapStartPrimingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Requests of every kind the contract has: estimates, refusals, the runtime report. */
  private static final List<ContractRequest> REQUESTS =
      List.of(
          ContractRequest.postJson("/estimate", AdvisorContract.SAMPLE_WORKLOAD),
          ContractRequest.postJson("/estimate", AdvisorContract.FIXED_PEAK_WORKLOAD),
          ContractRequest.postJson("/estimate", "{\"requestsPerMonth\":-5}"),
          ContractRequest.postJson("/estimate", "not json"),
          ContractRequest.get("/estimate"),
          ContractRequest.get("/nowhere"),
          ContractRequest.get("/runtime"));

  @Nested
  class LeanHandler {

    private final LeanAdvisorHandler handler = new LeanAdvisorHandler();

    @Test
    void answersAsItDidBeforePriming() throws Exception {
      List<byte[]> unprimed = answers(input -> InProcess.invoke(handler, input));

      snapshotAndRestore(List.of(LeanAdvisorHandler.PRIMING));

      assertSameAnswers(answers(input -> InProcess.invoke(handler, input)), unprimed);
    }

    @Test
    void runsEveryCannedInvocationBeforeTheSnapshot() throws Exception {
      int before = LeanAdvisorHandler.PRIMING.primed();

      LeanAdvisorHandler.PRIMING.beforeCheckpoint(Core.getGlobalContext());

      assertThat(LeanAdvisorHandler.PRIMING.primed() - before)
          .isEqualTo(SnapStartPriming.ROUNDS * SnapStartPriming.PRIMERS.size());
    }

    @Test
    void wasReadyBeforePrimingAndReportsTheSameStartupAfterIt() throws Exception {
      Long unprimed = startupTimeMs(InProcess.invoke(handler, HttpApiEvents.getRuntime()));

      snapshotAndRestore(List.of(LeanAdvisorHandler.PRIMING));

      assertThat(unprimed)
          .as("the clock is ready when init ends, before any hook runs")
          .isNotNull();
      assertThat(startupTimeMs(InProcess.invoke(handler, HttpApiEvents.getRuntime())))
          .as("priming is not part of the start the report measures")
          .isEqualTo(unprimed);
    }
  }

  @Nested
  class SpringPath {

    private final FunctionInvoker invoker = InProcess.springInvoker();
    private final List<Resource> hooks = SpringAdvisorApplication.snapStartHooks();

    @Test
    void registersItsHooksOnceReady() {
      assertThat(hooks)
          .hasSize(2)
          .hasAtLeastOneElementOfType(SnapStartPriming.class)
          .hasAtLeastOneElementOfType(SpringPriming.MessageIdReseeding.class);
    }

    @Test
    void answersAsItDidBeforePriming() throws Exception {
      List<byte[]> unprimed = answers(input -> InProcess.invoke(invoker, input));

      snapshotAndRestore(hooks);

      assertSameAnswers(answers(input -> InProcess.invoke(invoker, input)), unprimed);
    }

    @Test
    void answersAsTheLeanHandlerOncePrimed() throws Exception {
      snapshotAndRestore(hooks);
      snapshotAndRestore(List.of(LeanAdvisorHandler.PRIMING));

      List<byte[]> lean = answers(input -> InProcess.invoke(new LeanAdvisorHandler(), input));
      List<byte[]> spring = answers(input -> InProcess.invoke(invoker, input));

      for (int i = 0; i < REQUESTS.size(); i++) {
        HandlerAnswers.assertAlike(REQUESTS.get(i).path(), lean.get(i), spring.get(i));
      }
    }

    /**
     * Priming builds Spring messages, so {@code MessageHeaders}' id generator is seeded before the
     * snapshot; each restore must put a generator of its own in its place.
     */
    @Test
    void givesEachRestoredEnvironmentAMessageIdGeneratorOfItsOwn() throws Exception {
      for (Resource hook : hooks) {
        hook.beforeCheckpoint(Core.getGlobalContext());
      }
      IdGenerator inTheSnapshot = IdGenerators.current();

      afterRestore(hooks);
      IdGenerator firstRestore = IdGenerators.current();
      afterRestore(hooks);
      IdGenerator secondRestore = IdGenerators.current();

      assertThat(firstRestore).isInstanceOf(AlternativeJdkIdGenerator.class);
      assertThat(firstRestore).isNotSameAs(inTheSnapshot).isNotSameAs(secondRestore);
      assertThat(new MessageHeaders(Map.of()).getId())
          .isNotEqualTo(new MessageHeaders(Map.of()).getId());
    }
  }

  @Test
  void failsTheSnapshotWhenAPrimedAnswerIsWrong() {
    SnapStartPriming broken =
        SnapStartPriming.register(
            input -> "{\"statusCode\":500,\"body\":\"\"}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> broken.beforeCheckpoint(Core.getGlobalContext()))
        .hasMessageContaining("priming expected status 200");
  }

  @Test
  void primesNothingThatDescribesTheEnvironment() {
    List<String> paths = new ArrayList<>();
    for (SnapStartPriming.Primer primer : SnapStartPriming.PRIMERS) {
      JsonNode input = JSON.readTree(primer.input());
      paths.add(input.path("rawPath").asString("(direct invocation)"));
    }

    assertThat(paths)
        .as("/runtime reports the environment it runs in, which after a restore is another")
        .doesNotContain("/runtime")
        .contains("/estimate");
  }

  private interface Handler {
    byte[] invoke(byte[] input) throws Exception;
  }

  private static List<byte[]> answers(Handler handler) throws Exception {
    List<byte[]> answers = new ArrayList<>();
    for (ContractRequest request : REQUESTS) {
      answers.add(handler.invoke(HttpApiEvents.event(request)));
    }
    return answers;
  }

  private static void assertSameAnswers(List<byte[]> primed, List<byte[]> unprimed) {
    for (int i = 0; i < REQUESTS.size(); i++) {
      assertThat(new String(primed.get(i), StandardCharsets.UTF_8))
          .as("%s %s", REQUESTS.get(i).method(), REQUESTS.get(i).path())
          .isEqualTo(new String(unprimed.get(i), StandardCharsets.UTF_8));
    }
  }

  /**
   * Before the snapshot in reverse order of registration, after the restore in order, as Lambda.
   */
  private static void snapshotAndRestore(List<? extends Resource> hooks) throws Exception {
    List<Resource> reversed = new ArrayList<>(hooks);
    Collections.reverse(reversed);
    for (Resource hook : reversed) {
      hook.beforeCheckpoint(Core.getGlobalContext());
    }
    afterRestore(hooks);
  }

  private static void afterRestore(List<? extends Resource> hooks) throws Exception {
    for (Resource hook : hooks) {
      hook.afterRestore(Core.getGlobalContext());
    }
  }

  private static Long startupTimeMs(byte[] output) {
    JsonNode report = JSON.readTree(HttpApiEvents.response(output).body());
    return report.path("startupTimeMs").isNumber() ? report.path("startupTimeMs").asLong() : null;
  }

  /** {@code MessageHeaders}' generator in use, which only a subclass may read. */
  private static final class IdGenerators extends MessageHeaders {
    private IdGenerators() {
      super(Map.of());
    }

    static IdGenerator current() {
      return getIdGenerator();
    }
  }
}
