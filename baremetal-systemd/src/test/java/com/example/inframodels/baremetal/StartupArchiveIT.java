package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.inframodels.baremetal.ExtractedInstall.UnitProcess;
import com.example.inframodels.testing.ExternalCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up archive as install.sh and the unit's ExecStartPre= keep it ({@code
 * start-archive.sh}), checked against the JVMs themselves: the service installed with --root into a
 * scratch directory and started by the unit's own ExecStart= line. A current archive is used; a
 * missing or stale one costs time, never the start; a changed JVM or jar gets a new one.
 */
class StartupArchiveIT {

  private static final Duration FIRST_RESPONSE_TIMEOUT = Duration.ofSeconds(120);

  /** The build's JDK (17): a dynamic AppCDS archive. Each step builds on the one before. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OnTheBuildsJdk {

    private ExtractedInstall install;
    private final Path jdk = ExtractedInstall.runningJdk();

    @BeforeAll
    void installAndMakeTheArchive(@TempDir Path work) throws Exception {
      install = ExtractedInstall.into(work);
      ExternalCommand.Result make = install.archive("make", jdk);
      assertThat(make.exitCode()).as(make.describe()).isZero();
    }

    @Test
    @Order(1)
    void makesADynamicAppCdsArchiveForThisJvm() throws Exception {
      Path archive = install.home.resolve("start-archive.jsa");

      assertThat(archive).isNotEmptyFile();
      assertThat(install.archiveOptions()).isEqualTo("-XX:SharedArchiveFile=" + archive);
      assertThat(install.home.resolve("start-archive.stamp"))
          .content()
          .contains("java " + jdk.resolve("bin/java").toRealPath())
          .contains("./infra-advisor.jar");
    }

    @Test
    @Order(2)
    void refreshLeavesACurrentArchiveAlone() throws Exception {
      Path archive = install.home.resolve("start-archive.jsa");
      FileTime made = Files.getLastModifiedTime(archive);

      ExternalCommand.Result refresh = install.archive("refresh", jdk);

      assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
      assertThat(refresh.output()).as("no training start").doesNotContain("training");
      assertThat(Files.getLastModifiedTime(archive)).isEqualTo(made);
    }

    @Test
    @Order(3)
    void theUnitsStartMapsTheArchive() throws Exception {
      try (UnitProcess unit = start(install, jdk, install.archiveOptions(), "archive-current")) {
        assertThat(unit.mappedFiles())
            .as("the JVM mapped the archive; log:\n%s", unit.process().logText())
            .contains(install.home.resolve("start-archive.jsa").toString());
        assertThat(unit.process().logText()).doesNotContain("[cds]");
      }
    }

    @Test
    @Order(4)
    void startsWithoutTheArchiveWhenAJarChangedSinceItWasMade() throws Exception {
      touchTheApplicationJar(install);

      try (UnitProcess unit = start(install, jdk, install.archiveOptions(), "archive-stale")) {
        assertThat(unit.mappedFiles())
            .as("the JVM refused the stale archive and started without it")
            .doesNotContain("start-archive.jsa");
      }
    }

    @Test
    @Order(5)
    void refreshRemakesTheArchiveWhenAJarChanged() throws Exception {
      ExternalCommand.Result refresh = install.archive("refresh", jdk);

      assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
      assertThat(refresh.output()).contains("made " + install.home.resolve("start-archive.jsa"));
      try (UnitProcess unit = start(install, jdk, install.archiveOptions(), "archive-remade")) {
        assertThat(unit.mappedFiles()).contains("start-archive.jsa");
      }
    }

    @Test
    @Order(6)
    void startsWhenTheArchiveIsMissing() throws Exception {
      String options = install.archiveOptions();
      Files.delete(install.home.resolve("start-archive.jsa"));

      try (UnitProcess unit = start(install, jdk, options, "archive-missing")) {
        assertThat(unit.mappedFiles()).doesNotContain("start-archive.jsa");
      }
    }
  }

  /** Java 25 and later: an AOT cache; and what happens when the JVM under the unit changes. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class WhenTheJvmChanges {

    private ExtractedInstall install;
    private Path jdk25;
    private final Path jdk17 = ExtractedInstall.runningJdk();

    @BeforeAll
    void installAndMakeAnAotCacheWithJava25(@TempDir Path work) throws Exception {
      jdk25 = ExtractedInstall.jdk25().orElse(null);
      assumeTrue(
          jdk25 != null,
          "no JDK 25 at /usr/lib/jvm/temurin-25-jdk-amd64 (set -Dadvisor.jdk25=JAVA_HOME)");
      install = ExtractedInstall.into(work);
      ExternalCommand.Result make = install.archive("make", jdk25);
      assertThat(make.exitCode()).as(make.describe()).isZero();
    }

    @Test
    @Order(1)
    void java25GetsAnAotCacheThatItsStartMaps() throws Exception {
      Path cache = install.home.resolve("start-archive.aot");

      assertThat(cache).isNotEmptyFile();
      assertThat(install.archiveOptions()).isEqualTo("-XX:AOTCache=" + cache);
      try (UnitProcess unit = start(install, jdk25, install.archiveOptions(), "aot-current")) {
        assertThat(unit.mappedFiles()).contains(cache.toString());
      }
    }

    @Test
    @Order(2)
    void refreshMakesAnArchiveForTheJvmThatNowRunsTheUnit() throws Exception {
      ExternalCommand.Result refresh = install.archive("refresh", jdk17);

      assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
      assertThat(install.home.resolve("start-archive.aot"))
          .as("Java 17 would refuse to start with -XX:AOTCache")
          .doesNotExist();
      assertThat(install.archiveOptions())
          .isEqualTo("-XX:SharedArchiveFile=" + install.home.resolve("start-archive.jsa"));
      try (UnitProcess unit = start(install, jdk17, install.archiveOptions(), "jvm-changed")) {
        assertThat(unit.mappedFiles()).contains("start-archive.jsa");
      }
    }

    @Test
    @Order(3)
    void startsWhenTheArchiveWasMadeByAnotherJvm() throws Exception {
      // What the unit would hand Java 25 if ExecStartPre= had not run: Java 17's archive.
      String seventeensArchive = install.archiveOptions();

      try (UnitProcess unit = start(install, jdk25, seventeensArchive, "archive-other-jvm")) {
        assertThat(unit.mappedFiles()).doesNotContain("start-archive.jsa");
      }
    }
  }

  /** Starts the unit's command line and waits for its first 200 on GET /runtime. */
  private static UnitProcess start(ExtractedInstall install, Path jdk, String options, String name)
      throws Exception {
    UnitProcess unit =
        install.start(jdk, options, Path.of("target", "startup-archive-" + name + ".log"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest runtime =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + unit.port() + "/runtime"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      await("first 200 of " + name)
          .atMost(FIRST_RESPONSE_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(
              () -> {
                unit.process().requireAlive();
                return http.send(runtime, HttpResponse.BodyHandlers.discarding()).statusCode();
              },
              status -> status == 200);
    } catch (ConditionTimeoutException e) {
      unit.close();
      throw new AssertionError(
          e.getMessage()
              + "\ncommand: "
              + install.execStart(jdk, options)
              + "\n--- log ---\n"
              + unit.process().logText(),
          e);
    }
    return unit;
  }

  private static void touchTheApplicationJar(ExtractedInstall install) throws Exception {
    Path jar = install.home.resolve("app/infra-advisor.jar");
    long later = Files.getLastModifiedTime(jar).toMillis() + Duration.ofHours(1).toMillis();
    Files.setLastModifiedTime(jar, FileTime.fromMillis(later));
  }
}
