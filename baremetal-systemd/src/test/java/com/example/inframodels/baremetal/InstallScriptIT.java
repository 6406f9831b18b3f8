package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.ExternalCommand;
import com.example.inframodels.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs install.sh and uninstall.sh against a throw-away root directory (--root), the way an image
 * build uses them. Starting the service needs systemd as PID 1 and is left to the ITs.
 */
class InstallScriptIT {

  private static final Path DIST_SOURCES = Path.of("src/main/dist");
  private static final Path UNIT_SOURCE = Path.of("src/main/systemd/infra-advisor.service");
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);

  private static final String HOME = "opt/infra-advisor";
  private static final String JAR = HOME + "/app/infra-advisor.jar";
  private static final String LIB = HOME + "/app/lib";
  private static final String UNIT = "etc/systemd/system/infra-advisor.service";
  private static final String ENABLE_LINK =
      "etc/systemd/system/multi-user.target.wants/infra-advisor.service";
  private static final String ENV = "etc/infra-advisor/infra-advisor.env";

  @Nested
  class Shellcheck {

    @Test
    void installScriptHasNoFindings() throws Exception {
      assertShellcheckClean(DIST_SOURCES.resolve("install.sh"));
    }

    @Test
    void uninstallScriptHasNoFindings() throws Exception {
      assertShellcheckClean(DIST_SOURCES.resolve("uninstall.sh"));
    }

    @Test
    void startArchiveScriptHasNoFindings() throws Exception {
      assertShellcheckClean(DIST_SOURCES.resolve("start-archive.sh"));
    }

    private void assertShellcheckClean(Path script) throws Exception {
      Path shellcheck = RequiredTool.onPath("shellcheck");

      ExternalCommand.Result result =
          ExternalCommand.run(SCRIPT_TIMEOUT, List.of(shellcheck.toString(), script.toString()));

      assertThat(result.exitCode()).as(result.describe()).isZero();
    }
  }

  @Nested
  class IntoAlternateRoot {

    @TempDir Path work;

    private Path bash;
    private Path dist;
    private Path root;

    @BeforeEach
    void unpackDistribution() throws IOException {
      bash = RequiredTool.onPath("bash");
      dist = Files.createDirectory(work.resolve("dist"));
      root = Files.createDirectory(work.resolve("root"));
      Files.copy(DIST_SOURCES.resolve("install.sh"), dist.resolve("install.sh"));
      Files.copy(DIST_SOURCES.resolve("uninstall.sh"), dist.resolve("uninstall.sh"));
      Files.copy(DIST_SOURCES.resolve("start-archive.sh"), dist.resolve("start-archive.sh"));
      Files.copy(DIST_SOURCES.resolve("infra-advisor.env"), dist.resolve("infra-advisor.env"));
      Files.copy(UNIT_SOURCE, dist.resolve("infra-advisor.service"));
      Files.copy(FatJarProcess.jar(), dist.resolve("infra-advisor.jar"));
    }

    @Nested
    class FreshInstall {

      @Test
      void laysOutTheExtractedJarUnitAndEnvironmentFileWithTheirModes() throws Exception {
        ExternalCommand.Result install = install();

        assertThat(install.exitCode()).as(install.describe()).isZero();
        assertThat(root.resolve(JAR)).as(install.describe()).isNotEmptyFile();
        try (Stream<Path> libraries = Files.list(root.resolve(LIB))) {
          assertThat(libraries.map(path -> path.getFileName().toString()))
              .as("the jars the application jar's manifest names")
              .anyMatch(name -> name.startsWith("app-core-"))
              .anyMatch(name -> name.startsWith("spring-boot-"));
        }
        assertThat(mode(HOME + "/start-archive.sh")).isEqualTo("rwxr-xr-x");
        assertThat(root.resolve(UNIT)).hasSameBinaryContentAs(UNIT_SOURCE);
        assertThat(root.resolve(ENV))
            .hasSameBinaryContentAs(DIST_SOURCES.resolve("infra-advisor.env"));
        assertThat(mode(JAR)).isEqualTo("rw-r--r--");
        assertThat(mode(LIB)).isEqualTo("rwxr-xr-x");
        assertThat(mode(UNIT)).isEqualTo("rw-r--r--");
        assertThat(mode(ENV)).as("the env file may hold secrets").isEqualTo("rw-r-----");
      }

      @Test
      void leavesTheArchiveToTheFirstStartOfTheBootedSystem() throws Exception {
        ExternalCommand.Result install = install();

        assertThat(install.exitCode()).as(install.describe()).isZero();
        assertThat(install.output())
            .contains("start-up archive: made by the first start of infra-advisor.service");
        assertThat(root.resolve(HOME + "/start-archive.env"))
            .as("no archive options: the unit starts without one until ExecStartPre= made it")
            .doesNotExist();
      }

      @Test
      void enablesUnitForMultiUserTarget() throws Exception {
        ExternalCommand.Result install = install();

        assertThat(install.exitCode()).as(install.describe()).isZero();
        Path link = root.resolve(ENABLE_LINK);
        assertThat(Files.isSymbolicLink(link))
            .as("%s is a symlink\n%s", link, install.describe())
            .isTrue();
        assertThat(Files.readSymbolicLink(link))
            .as("the link must resolve inside the booted system, not this build's --root")
            .isEqualTo(Path.of("/etc/systemd/system/infra-advisor.service"));
      }
    }

    @Nested
    class Upgrade {

      private static final String ADMIN_EDIT = "SERVER_PORT=9090\n";

      @BeforeEach
      void installFirstReleaseAndEditItsConfiguration() throws Exception {
        ExternalCommand.Result first = install();
        assertThat(first.exitCode()).as(first.describe()).isZero();
        Files.writeString(root.resolve(ENV), ADMIN_EDIT, StandardOpenOption.APPEND);
      }

      @Test
      void replacesTheExtractedApplicationWhole() throws Exception {
        Files.writeString(root.resolve(LIB + "/removed-in-this-release.jar"), "old");

        ExternalCommand.Result upgrade = install();

        assertThat(upgrade.exitCode()).as(upgrade.describe()).isZero();
        assertThat(upgrade.output()).contains("replaced " + root.resolve("opt/infra-advisor/app"));
        assertThat(root.resolve(LIB + "/removed-in-this-release.jar"))
            .as("a library the new release dropped must not stay on the class path")
            .doesNotExist();
        assertThat(root.resolve(JAR)).isNotEmptyFile();
        assertThat(mode(JAR)).isEqualTo("rw-r--r--");
      }

      @Test
      void dropsTheArchiveOfThePreviousJarsAndTheFatJarOfAnEarlierRelease() throws Exception {
        for (String file :
            List.of(
                "start-archive.jsa",
                "start-archive.stamp",
                "start-archive.env",
                "infra-advisor.jar")) {
          Files.writeString(root.resolve(HOME + "/" + file), "previous release");
        }

        ExternalCommand.Result upgrade = install();

        assertThat(upgrade.exitCode()).as(upgrade.describe()).isZero();
        try (Stream<Path> files = Files.list(root.resolve(HOME))) {
          assertThat(files.map(path -> path.getFileName().toString()))
              .as("an archive is only valid for the jars it was made with")
              .containsExactlyInAnyOrder("app", "start-archive.sh");
        }
      }

      @Test
      void leavesNoTemporaryFilesNextToTheJar() throws Exception {
        ExternalCommand.Result upgrade = install();

        assertThat(upgrade.exitCode()).as(upgrade.describe()).isZero();
        try (Stream<Path> files = Files.list(root.resolve(HOME))) {
          assertThat(files.map(path -> path.getFileName().toString()))
              .as("the application is extracted under a temporary name, then renamed")
              .containsExactlyInAnyOrder("app", "start-archive.sh");
        }
      }

      @Test
      void preservesEditedEnvironmentFileOnUpgrade() throws Exception {
        String edited = Files.readString(root.resolve(ENV), StandardCharsets.UTF_8);

        ExternalCommand.Result upgrade = install();

        assertThat(upgrade.exitCode()).as(upgrade.describe()).isZero();
        assertThat(root.resolve(ENV)).as(upgrade.describe()).hasContent(edited);
      }
    }

    @Nested
    class Uninstall {

      @BeforeEach
      void installRelease() throws Exception {
        ExternalCommand.Result install = install();
        assertThat(install.exitCode()).as(install.describe()).isZero();
      }

      @Test
      void removesJarUnitAndEnableLinkButKeepsConfiguration() throws Exception {
        ExternalCommand.Result uninstall = uninstall();

        assertThat(uninstall.exitCode()).as(uninstall.describe()).isZero();
        assertThat(root.resolve("opt/infra-advisor")).as(uninstall.describe()).doesNotExist();
        assertThat(root.resolve(UNIT)).as(uninstall.describe()).doesNotExist();
        assertThat(Files.exists(root.resolve(ENABLE_LINK), LinkOption.NOFOLLOW_LINKS))
            .as("enable link left behind\n%s", uninstall.describe())
            .isFalse();
        assertThat(root.resolve(ENV)).as("configuration survives a plain uninstall").exists();
      }

      @Test
      void succeedsWhenRunTwice() throws Exception {
        ExternalCommand.Result first = uninstall();

        ExternalCommand.Result second = uninstall();

        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(second.exitCode()).as(second.describe()).isZero();
        assertThat(root.resolve("opt/infra-advisor")).doesNotExist();
        assertThat(root.resolve(UNIT)).doesNotExist();
        assertThat(root.resolve(ENV)).exists();
      }

      @Test
      void purgeAlsoRemovesConfiguration() throws Exception {
        ExternalCommand.Result plain = uninstall();

        ExternalCommand.Result purge = uninstall("--purge");

        assertThat(plain.exitCode()).as(plain.describe()).isZero();
        assertThat(purge.exitCode()).as(purge.describe()).isZero();
        assertThat(root.resolve("etc/infra-advisor")).as(purge.describe()).doesNotExist();
      }
    }

    // --no-start is redundant with --root, but keeps a mistaken run on a real host from starting
    // anything.
    private ExternalCommand.Result install() throws Exception {
      return runScript("install.sh", "--root", root.toString(), "--no-start");
    }

    private ExternalCommand.Result uninstall(String... options) throws Exception {
      List<String> arguments = new ArrayList<>(List.of("--root", root.toString()));
      arguments.addAll(List.of(options));
      return runScript("uninstall.sh", arguments.toArray(String[]::new));
    }

    // Through bash rather than the file's exec bit, which a checkout or copy may not keep.
    private ExternalCommand.Result runScript(String script, String... arguments) throws Exception {
      List<String> command =
          new ArrayList<>(List.of(bash.toString(), dist.resolve(script).toString()));
      command.addAll(List.of(arguments));
      return ExternalCommand.run(SCRIPT_TIMEOUT, command);
    }

    private String mode(String relative) throws IOException {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(relative)));
    }
  }
}
