package com.example.inframodels.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What this module's README tells a newcomer to type, checked against what the build does. */
class ReadmeTest {

  private static final Path MODULE_README = Path.of("README.md").toAbsolutePath();

  /**
   * The README's run command (the root README opens with it too), checked here word for word. Its
   * -DskipTests belongs to the user's command, not to this build: running the app should not wait
   * for the test suite, which the README's second command, ./mvnw verify, runs in full.
   */
  private static final String RUN_COMMAND =
      "./mvnw -pl baremetal-systemd -am package -DskipTests"
          + " && java -jar baremetal-systemd/target/infra-advisor.jar";

  @Test
  void runCommandStartsTheJarThisModuleBuilds() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));

    assertThat(pom).contains("<finalName>infra-advisor</finalName>");
    assertThat(Files.readString(MODULE_README)).contains(RUN_COMMAND);
  }
}
