package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdSectionTest {

  @TempDir Path bin;

  @Test
  void namesTheFirstMissingToolAsRequiredToolWould() throws Exception {
    executable(bin.resolve("podman"));

    assertThat(SystemdSection.missing(bin.toString(), SystemdSection.TOOLS))
        .contains("mmdebstrap not on PATH");
  }

  @Test
  void findsNothingMissingWhenEveryToolIsOnSomeDirectoryOfThePath() throws Exception {
    Path other = Files.createDirectory(bin.resolve("other"));
    executable(bin.resolve("podman"));
    executable(other.resolve("mmdebstrap"));

    assertThat(SystemdSection.missing(bin + File.pathSeparator + other, SystemdSection.TOOLS))
        .isEmpty();
  }

  @Test
  void aFileThatIsNotExecutableDoesNotCount() throws Exception {
    Files.createFile(bin.resolve("podman"));

    assertThat(SystemdSection.missing(bin.toString(), List.of("podman")))
        .isEqualTo(Optional.of("podman not on PATH"));
  }

  @Test
  void withoutAPathEverythingIsMissing() {
    assertThat(SystemdSection.missing(null, SystemdSection.TOOLS)).contains("podman not on PATH");
  }

  @Test
  void decidesItsStepsWithoutStartingAnything() {
    Options options =
        new Options(Path.of("/nonexistent"), bin, 5, Optional.empty(), Set.of(), false);

    assertThat(new SystemdSection().steps(options))
        .extracting(Step::name)
        .containsExactly(
            "systemd: boot the host, install.sh",
            "systemd: systemctl start to first 200",
            "systemd: kill -9 to first 200");
  }

  private static void executable(Path file) throws Exception {
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }
}
