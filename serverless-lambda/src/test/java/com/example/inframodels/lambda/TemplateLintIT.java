package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.Checkov;
import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linters a user's pipeline would run over template.yaml, run by the build: cfn-lint, AWS SAM
 * CLI's {@code sam validate --lint}, and checkov. None may report anything; each check checkov is
 * told to skip says why in the template itself. An IT, because it runs programs.
 */
class TemplateLintIT {

  private static final Path TEMPLATE = Path.of("template.yaml").toAbsolutePath();

  // Where .ci/provision installs the pinned versions. PATH can hold others in front of
  // /usr/local/bin (a pyenv shim for a cfn-lint installed by hand), so that copy comes first.
  private static final Path PINNED = Path.of("/opt/infra-models/tools/bin");

  private static Path tool(String name) {
    Path pinned = PINNED.resolve(name);
    return Files.isExecutable(pinned) ? pinned : RequiredTool.onPath(name);
  }

  private static ExternalCommand.Result run(List<String> command) throws Exception {
    return ExternalCommand.run(Duration.ofMinutes(3), command);
  }

  private static final String SNAPSTART = "ApplyOn: PublishedVersions";

  /** A copy of the template with one line replaced, to show that a linter does report. */
  private static Path broken(Path directory, String line, String replacement) throws IOException {
    String template = Files.readString(TEMPLATE);
    assertThat(template).contains(line);
    Path copy = directory.resolve("template.yaml");
    Files.writeString(copy, template.replace(line, replacement));
    return copy;
  }

  @Nested
  class CfnLint {

    // Every region cfn-lint knows, so a type or property some region lacks is found wherever the
    // user deploys; informational rules too.
    private ExternalCommand.Result lint(Path template) throws Exception {
      return run(
          List.of(
              tool("cfn-lint").toString(),
              "--format",
              "parseable",
              "--regions",
              "ALL_REGIONS",
              "--include-checks",
              "I",
              "--",
              template.toString()));
    }

    @Test
    void findsNothing() throws Exception {
      ExternalCommand.Result run = lint(TEMPLATE);

      assertThat(run.lines()).as("cfn-lint's findings: fix the template").isEmpty();
      assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    @Test
    void reportsAValueLambdaDoesNotAccept(@TempDir Path directory) throws Exception {
      ExternalCommand.Result run = lint(broken(directory, SNAPSTART, "ApplyOn: Always"));

      assertThat(run.exitCode()).as(run.describe()).isNotZero();
      assertThat(run.output()).contains("E3030", "'Always' is not one of");
    }
  }

  @Nested
  class SamValidateLint {

    // --region: without it SAM lints for AWS_REGION, AWS_DEFAULT_REGION or us-east-1, whichever
    // the machine has, and the build's verdict would depend on it. With --lint, SAM needs no
    // credentials (plain `sam validate` asks IAM for the managed policies). No telemetry.
    private ExternalCommand.Result validate(Path template) throws Exception {
      return run(
          List.of(
              "env",
              "SAM_CLI_TELEMETRY=0",
              tool("sam").toString(),
              "validate",
              "--lint",
              "--region",
              "us-east-1",
              "--template-file",
              template.toString()));
    }

    @Test
    void findsNothing() throws Exception {
      ExternalCommand.Result run = validate(TEMPLATE);

      assertThat(run.exitCode()).as(run.describe()).isZero();
      assertThat(run.output()).as(run.describe()).contains(TEMPLATE + " is a valid SAM Template");
    }

    @Test
    void reportsAValueLambdaDoesNotAccept(@TempDir Path directory) throws Exception {
      ExternalCommand.Result run = validate(broken(directory, SNAPSTART, "ApplyOn: Always"));

      assertThat(run.exitCode()).as(run.describe()).isNotZero();
      assertThat(run.output()).contains("E3030").doesNotContain("is a valid SAM Template");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class CheckovScan {

    private Checkov.Scan scan;

    // --framework cloudformation reads SAM's AWS::Serverless types and merges Globals into them.
    @BeforeAll
    void scan() throws Exception {
      scan = Checkov.scan(tool("checkov"), "cloudformation", List.of(TEMPLATE));
    }

    @Test
    void scannedEveryResourceWithItsGlobals() {
      assertThat(scan.report().path("check_type").asString()).isEqualTo("cloudformation");
      assertThat(scan.summary().path("parsing_errors").asInt(-1)).isZero();
      assertThat(scan.summary().path("resource_count").asInt())
          .as("the log group, both HTTP APIs and both functions")
          .isEqualTo(5);
      assertThat(scan.summary().path("passed").asInt()).isPositive();
      // checkov merges Globals into each resource; where it cannot (a resource of a Globals type
      // with no Properties), it says only this and checks the resources without their Globals.
      assertThat(scan.run().output())
          .doesNotContain("Failed to create a new template with enriched resources");
    }

    @Test
    void findsNothingToFix() {
      assertThat(scan.failedChecks())
          .as(
              "checkov %s findings: fix the template, or skip the check in the resource's"
                  + " Metadata (checkov: skip: - id, comment) with the reason",
              scan.summary().path("checkov_version").asString())
          .isEmpty();
    }

    @Test
    void everySkippedCheckSaysWhy() {
      assertThat(scan.skipsWithoutReason()).as("skips that name a check and no reason").isEmpty();
    }
  }
}
