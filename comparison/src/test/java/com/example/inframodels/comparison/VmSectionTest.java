package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmSectionTest {

  @TempDir Path dir;

  @Test
  void runsLastOfAllSections() {
    List<Section> sections = Comparison.sections();

    assertThat(sections.get(sections.size() - 1).name()).isEqualTo("vm");
  }

  @Test
  void namesTheRowByTheAcceleratorTheBootUsed() {
    assertThat(VmSection.subject("tcg")).isEqualTo("baked VM image, qemu tcg");
    assertThat(VmSection.subject("kvm")).isEqualTo("baked VM image, qemu kvm");
  }

  @Test
  void namesTheFirstToolNoDirectoryOfThePathHolds() throws IOException {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    executable(a.resolve("packer"));
    executable(b.resolve("qemu-img"));
    Files.createFile(b.resolve("ssh")); // not executable
    String path = a + File.pathSeparator + File.pathSeparator + b;

    assertThat(VmSection.missingTools(List.of("packer", "qemu-img"), path)).isEmpty();
    assertThat(VmSection.missingTools(List.of("packer", "ssh", "xorriso"), path))
        .contains("ssh not on PATH");
    assertThat(VmSection.missingTools(List.of("packer"), "")).contains("packer not on PATH");
  }

  @Test
  void namesWhatPackageDidNotLeaveForTheBake() throws IOException {
    assertThat(VmSection.missingInputs(dir))
        .contains("not built: vm-packer/target/packer-template missing");

    Path template = Files.createDirectories(dir.resolve("target/packer-template"));
    Files.createFile(template.resolve("infra-advisor.pkr.hcl"));
    assertThat(VmSection.missingInputs(dir))
        .contains("not built: vm-packer/target/packer-inputs missing");

    Files.createDirectories(dir.resolve("target/packer-inputs/infra-advisor"));
    assertThat(VmSection.missingInputs(dir)).isEmpty();
  }

  @Test
  void readsVmRssInMebibytes() {
    assertThat(VmSection.rssMib("204800 kB")).isEqualTo(200.0);
    assertThat(VmSection.rssMib("  1536 kB ")).isEqualTo(1.5);
    assertThatThrownBy(() -> VmSection.rssMib(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VmSection.rssMib("12 MB"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void killsAgainOnlyWhileAnotherLikeTheSlowestFitsTheBudget() {
    Duration budget = Duration.ofMinutes(4);

    assertThat(VmSection.anotherRestart(List.of(), 3, budget)).as("always one").isTrue();
    assertThat(VmSection.anotherRestart(List.of(), 0, budget)).isFalse();
    assertThat(VmSection.anotherRestart(List.of(5_000.0), 3, budget)).isTrue();
    assertThat(VmSection.anotherRestart(List.of(5_000.0, 6_000.0, 4_000.0), 3, budget))
        .as("as many as wanted")
        .isFalse();
    assertThat(VmSection.anotherRestart(List.of(110_000.0), 3, budget)).as("220 s of 240").isTrue();
    assertThat(VmSection.anotherRestart(List.of(130_000.0), 3, budget))
        .as("260 s of 240")
        .isFalse();
  }

  private static void executable(Path file) throws IOException {
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }
}
