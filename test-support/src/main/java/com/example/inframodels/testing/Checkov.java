package com.example.inframodels.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * checkov, the infrastructure-as-code scanner, over named files, and the JSON report it writes.
 * Each file is passed by name, never with {@code --directory}: checkov skips every file whose path
 * has a hidden directory in it, so a clone under {@code ~/.cache} would be scanned as empty and
 * pass. {@code --skip-download}: the built-in checks only, nothing fetched from the vendor's
 * platform.
 */
public final class Checkov {

  private Checkov() {}

  /** One scan: the command's result and checkov's report. */
  public record Scan(ExternalCommand.Result run, JsonNode report) {

    /** {@code ID name — resource in file}, one per failed check. */
    public List<String> failedChecks() {
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
      return failed;
    }

    /**
     * {@code ID: reason}, one per skipped check; checkov writes {@code No comment provided} where a
     * skip gives no reason.
     */
    public List<String> skippedChecks() {
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
      return skipped;
    }

    /** The skipped checks that give no reason: {@link #skippedChecks()} entries without one. */
    public List<String> skipsWithoutReason() {
      return skippedChecks().stream()
          .filter(entry -> entry.endsWith(": No comment provided") || entry.endsWith(": "))
          .toList();
    }

    public JsonNode summary() {
      return report.path("summary");
    }
  }

  /** Runs {@code checkov} over {@code files} with the given {@code --framework}. */
  public static Scan scan(Path checkov, String framework, List<Path> files)
      throws IOException, InterruptedException {
    Path output = Files.createTempDirectory("checkov");
    List<String> command = new ArrayList<>(List.of(checkov.toString()));
    for (Path file : files) {
      command.add("--file");
      command.add(file.toString());
    }
    command.addAll(
        List.of(
            "--framework",
            framework,
            "--skip-download",
            "--output",
            "json",
            "--output-file-path",
            output.toString()));
    ExternalCommand.Result run = ExternalCommand.run(Duration.ofMinutes(3), command);
    Path written = output.resolve("results_json.json");
    if (!Files.exists(written)) {
      throw new AssertionError("checkov wrote no JSON report; " + run.describe());
    }
    JsonNode report = JsonMapper.builder().build().readTree(Files.readString(written));
    Files.delete(written);
    Files.delete(output);
    return new Scan(run, report);
  }
}
