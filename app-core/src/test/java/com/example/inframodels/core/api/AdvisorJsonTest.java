package com.example.inframodels.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.example.inframodels.core.api.AdvisorJson.WorkloadRules;
import com.example.inframodels.core.api.Problem.FieldError;
import com.example.inframodels.core.estimate.InvalidWorkloadException;
import com.example.inframodels.core.estimate.Workload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader judges the body's form; the values' meaning it leaves to the rules it is given. */
class AdvisorJsonTest {

  private static final WorkloadRules WORKLOAD_RULES =
      fields ->
          Workload.violations(
              fields.requestsPerMonth(),
              fields.avgDurationMs(),
              fields.memoryMb(),
              fields.peakRequestsPerSecond());

  @Test
  void reportsAFieldOfTheWrongTypeOnceNotAlsoAsMissing() {
    String body = "{\"requestsPerMonth\":\"many\",\"avgDurationMs\":120,\"memoryMb\":512}";

    List<FieldError> errors = errors(body, WORKLOAD_RULES);

    assertThat(errors)
        .as("the rules see requestsPerMonth absent and call it missing; the reader keeps its own")
        .extracting(FieldError::field, FieldError::detail)
        .containsExactly(tuple("requestsPerMonth", "must be a number, not a string"));
  }

  @Test
  void reportsAMemoryBeyondAnIntInTheWorkloadsWordsForItsRange() {
    String body = "{\"requestsPerMonth\":10,\"avgDurationMs\":120,\"memoryMb\":99999999999}";

    List<FieldError> errors = errors(body, WORKLOAD_RULES);

    assertThat(errors)
        .extracting(FieldError::detail)
        .containsExactly(Workload.memoryMbOutOfRange().detail());
  }

  @Test
  void listsItsOwnRejectionsBeforeThoseOfTheRules() {
    String body = "{\"extra\":1,\"requestsPerMonth\":-1,\"avgDurationMs\":true,\"memoryMb\":512}";

    List<FieldError> errors = errors(body, WORKLOAD_RULES);

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly("extra", "avgDurationMs", "requestsPerMonth");
  }

  @Test
  void leavesRangesToTheRules() {
    WorkloadRules noRules = fields -> List.of();
    byte[] body =
        "{\"requestsPerMonth\":-1,\"avgDurationMs\":120,\"memoryMb\":512}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> AdvisorJson.readWorkload(body, noRules))
        .as("a negative count is well-formed JSON: the reader passes it, the workload refuses it")
        .isInstanceOf(InvalidWorkloadException.class);
  }

  private static List<FieldError> errors(String body, WorkloadRules rules) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<FieldError> errors = new ArrayList<>();
    assertThatThrownBy(() -> AdvisorJson.readWorkload(bytes, rules))
        .isInstanceOfSatisfying(ProblemException.class, e -> errors.addAll(e.problem().errors()));
    return errors;
  }
}
