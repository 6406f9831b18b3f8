package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSectionTest {

  @TempDir Path target;

  @Test
  void runsTheImageWithTheModulesOptionsOnALoopbackPort() {
    assertThat(ContainerSection.runArguments(18080, List.of("--restart=always"), "sha256:abc"))
        .containsExactly(
            "--read-only",
            "--tmpfs",
            "/tmp:rw,noexec,nosuid,size=64m",
            "--memory",
            "536870912",
            "--memory-swap",
            "536870912",
            "--publish",
            "127.0.0.1:18080:8080",
            "--restart=always",
            "sha256:abc");
  }

  @Test
  void anImageToRunWithoutItsArchiveIsNotMeasured() throws Exception {
    java.nio.file.Files.writeString(target.resolve("jib-image.tar"), "");
    java.nio.file.Files.writeString(target.resolve("jib-image.id"), "sha256:a");
    java.nio.file.Files.writeString(target.resolve("jib-image-cds.tar"), "");
    java.nio.file.Files.writeString(target.resolve("jib-image-cds.id"), "sha256:b");
    ContainerImages images = new ContainerImages(target);

    assertThat(images.missing(images.application)).isEmpty();
    assertThat(images.missing(images.toRun))
        .hasValueSatisfying(reason -> assertThat(reason).contains("cds/app.jsa missing"));
    assertThat(images.present()).containsExactly(images.application);
  }
}
