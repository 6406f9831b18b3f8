package com.example.inframodels.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the module README tells a user to type, checked against the template and the pom. */
class ReadmeTest {

  private static final Path PACKER = Path.of("packer");

  /** The one file Packer before 1.7 rejects, and src/build/validate-template.sh leaves out. */
  private static final String VERSIONS_FILE = "versions.pkr.hcl";

  @Test
  void buildsTheInputsWhereTheTemplateLooksForThem() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    // The user's command, checked word for word. Its -DskipTests only spares that user the test
    // suite (the bake needs the inputs, not the tests); ./mvnw verify runs every test.
    assertThat(readme).contains("./mvnw -pl vm-packer -am package -DskipTests");
    assertThat(Files.readString(Path.of("pom.xml")))
        .contains("<packer.inputs>${project.build.directory}/packer-inputs</packer.inputs>");
    assertThat(Files.readString(PACKER.resolve("infra-advisor.pkr.hcl")))
        .as("the template's default dist_dir is where `package` unpacks the distribution")
        .contains("\"${path.root}/../target/packer-inputs/infra-advisor\"");
  }

  @Test
  void namesTheImageTheTemplatesDefaultsProduce() throws IOException {
    String variables = Files.readString(PACKER.resolve("variables.pkr.hcl"));
    String image =
        defaultOf(variables, "output_directory") + "/" + defaultOf(variables, "output_name");

    assertThat(Files.readString(Path.of("README.md"))).contains(image + ".qcow2");
  }

  @Test
  void offersOnlyVariablesTheTemplateHas() throws IOException {
    String variables = Files.readString(PACKER.resolve("variables.pkr.hcl"));
    Matcher option =
        Pattern.compile("-var (\\w+)=").matcher(Files.readString(Path.of("README.md")));

    int found = 0;
    while (option.find()) {
      found++;
      assertThat(variables).contains("variable \"" + option.group(1) + "\"");
    }
    assertThat(found).as("the README shows how to set at least one variable").isPositive();
  }

  @Test
  void keepsThePluginPinInItsOwnFile() throws IOException {
    assertThat(Files.readString(PACKER.resolve(VERSIONS_FILE)))
        .contains("required_plugins", "github.com/hashicorp/qemu");
    try (var files = Files.list(PACKER)) {
      assertThat(
              files
                  .filter(file -> !file.getFileName().toString().equals(VERSIONS_FILE))
                  .filter(file -> file.toString().endsWith(".pkr.hcl"))
                  .map(ReadmeTest::read))
          .as("Packer 1.6.6 runs leave out only %s", VERSIONS_FILE)
          .noneMatch(text -> text.contains("required_plugins"));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String defaultOf(String variables, String name) {
    Matcher m =
        Pattern.compile(
                "variable \"" + name + "\" \\{[^}]*?default\\s*=\\s*\"([^\"]*)\"", Pattern.DOTALL)
            .matcher(variables);
    assertThat(m.find()).as("variable %s has a default", name).isTrue();
    return m.group(1);
  }
}
