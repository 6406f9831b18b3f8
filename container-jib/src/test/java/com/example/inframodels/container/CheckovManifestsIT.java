package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * checkov, the scanner a user's pipeline would run over Kubernetes manifests, over {@code k8s/}: no
 * failed check, and every check this model chooses to skip says why in the manifest itself (a
 * {@code checkov.io/skipN: CKV_K8S_N=reason} annotation). An IT, because it runs a program.
 */
class CheckovManifestsIT {

  private static final Path MANIFESTS = Path.of("k8s").toAbsolutePath();

  private static JsonNode report;

  @BeforeAll
  static void scan() throws Exception {
    Path checkov = RequiredTool.onPath("checkov");
    Path output = Files.createTempDirectory("checkov");
    // Each file by name, not --directory: checkov skips every file whose path has a hidden
    // directory in it, so a clone under ~/.cache would be scanned as empty and pass.
    // --skip-download: the built-in checks only, nothing fetched from the vendor's platform.
    List<String> command = new ArrayList<>(List.of(checkov.toString()));
    for (Path manifest : manifests()) {
      command.add("--file");
      command.add(manifest.toString());
    }
    command.addAll(
        List.of(
            "--framework",
            "kubernetes",
            "--skip-download",
            "--output",
            "json",
            "--output-file-path",
            output.toString()));
    ExternalCommand.Result run = ExternalCommand.run(Duration.ofMinutes(3), command);
    Path written = output.resolve("results_json.json");
    assertThat(written).as("checkov's JSON report; %s", run.describe()).exists();
    report = JsonMapper.builder().build().readTree(Files.readString(written));
    Files.deleteIfExists(written);
    Files.deleteIfExists(output);
  }

  private static List<Path> manifests() throws java.io.IOException {
    try (var files = Files.list(MANIFESTS)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void scannedEveryManifest() throws Exception {
    long manifests = manifests().size();

    assertThat(report.path("check_type").asString()).isEqualTo("kubernetes");
    assertThat(report.path("summary").path("parsing_errors").asInt(-1)).isZero();
    assertThat(report.path("summary").path("passed").asInt())
        .as("checkov ran its checks (kustomization.yaml is no resource)")
        .isPositive();
    assertThat(report.path("summary").path("resource_count").asInt())
        .as("resources checkov found in the %d manifests", manifests - 1)
        .isGreaterThanOrEqualTo((int) manifests - 1);
  }

  @Test
  void findsNothingToFix() {
    List<String> failed = new ArrayList<>();
    report
        .path("results")
        .path("failed_checks")
        .forEach(
            check ->
                failed.add(
                    check.path("check_id").asString()
                        + " "
                        + check.path("check_name").asString()
                        + " — "
                        + check.path("resource").asString()
                        + " in "
                        + check.path("file_path").asString()));

    assertThat(failed)
        .as(
            "checkov %s findings: fix the manifest, or skip the check on the resource with a"
                + " checkov.io/skipN annotation that says why",
            report.path("summary").path("checkov_version").asString())
        .isEmpty();
  }

  @Test
  void everySkippedCheckSaysWhy() {
    List<String> skipped = new ArrayList<>();
    report
        .path("results")
        .path("skipped_checks")
        .forEach(
            check ->
                skipped.add(
                    check.path("check_id").asString()
                        + ": "
                        + check.path("check_result").path("suppress_comment").asString("")));

    // checkov's stand-in text when an annotation names a check and no reason.
    assertThat(skipped)
        .allSatisfy(
            entry ->
                assertThat(entry).doesNotEndWith(": No comment provided").doesNotEndWith(": "));
  }
}
