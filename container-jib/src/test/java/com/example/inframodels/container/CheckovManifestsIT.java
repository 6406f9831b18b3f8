package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.Checkov;
import com.example.inframodels.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * checkov, the scanner a user's pipeline would run over Kubernetes manifests, over {@code k8s/}: no
 * failed check, and every check this model chooses to skip says why in the manifest itself (a
 * {@code checkov.io/skipN: CKV_K8S_N=reason} annotation). An IT, because it runs a program.
 */
class CheckovManifestsIT {

  private static final Path MANIFESTS = Path.of("k8s").toAbsolutePath();

  private static Checkov.Scan scan;

  @BeforeAll
  static void scan() throws Exception {
    scan = Checkov.scan(RequiredTool.onPath("checkov"), "kubernetes", manifests());
  }

  private static List<Path> manifests() throws java.io.IOException {
    try (var files = Files.list(MANIFESTS)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void scannedEveryManifest() throws Exception {
    long manifests = manifests().size();

    assertThat(scan.report().path("check_type").asString()).isEqualTo("kubernetes");
    assertThat(scan.summary().path("parsing_errors").asInt(-1)).isZero();
    assertThat(scan.summary().path("passed").asInt())
        .as("checkov ran its checks (kustomization.yaml is no resource)")
        .isPositive();
    assertThat(scan.summary().path("resource_count").asInt())
        .as("resources checkov found in the %d manifests", manifests - 1)
        .isGreaterThanOrEqualTo((int) manifests - 1);
  }

  @Test
  void findsNothingToFix() {
    assertThat(scan.failedChecks())
        .as(
            "checkov %s findings: fix the manifest, or skip the check on the resource with a"
                + " checkov.io/skipN annotation that says why",
            scan.summary().path("checkov_version").asString())
        .isEmpty();
  }

  @Test
  void everySkippedCheckSaysWhy() {
    assertThat(scan.skipsWithoutReason()).as("skips that name a check and no reason").isEmpty();
  }
}
