package com.example.inframodels.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

  /**
   * The README's table of times states ranges; each run kept in {@code results/} (a copy of the
   * {@code target/vm-it/measurements.txt} BakedImageIT wrote) must lie within them, so a figure can
   * only come from a measured run and a new slower run cannot go unmentioned.
   */
  @Test
  void statesTimesThatCoverEveryKeptRun() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<Path> runs;
    try (Stream<Path> files = Files.list(Path.of("results"))) {
      runs = files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
    }

    assertThat(runs).as("at least one run kept in results/").isNotEmpty();
    for (Path run : runs) {
      String measured = Files.readString(run);
      Long standIn = seconds(measured, "stand-in Debian cloud image ready in (\\d+) s");
      within(readme, "| stand-in", "", standIn == null || standIn == 0 ? null : standIn, run);
      within(
          readme,
          "| `packer build`",
          "",
          seconds(measured, "packer build \\(tcg\\): (\\d+) s"),
          run);
      for (String mode : List.of("single", "multi")) {
        String tcg = "-accel tcg,thread=" + mode;
        Long boot =
            seconds(
                measured,
                "boot to first 200 on readiness \\(" + Pattern.quote(tcg) + "[^)]*\\): (\\d+) s");
        Long restart =
            seconds(
                measured,
                "kill -9 to ready again \\(" + Pattern.quote(tcg) + "[^)]*\\): (\\d+) ms");
        within(readme, "| fresh VM boot", " " + mode + "-threaded", boot, run);
        within(
            readme,
            "| `kill -9`",
            " " + mode + "-threaded",
            restart == null ? null : restart / 1000,
            run);
      }
    }
  }

  /** The figure of one run, or null where that run did not measure it. */
  private static Long seconds(String measured, String regex) {
    Matcher m = Pattern.compile(regex).matcher(measured);
    return m.find() ? Long.valueOf(m.group(1)) : null;
  }

  /**
   * The table row starting {@code row} states a range "A–B s{@code label}" holding {@code value}.
   */
  private static void within(String readme, String row, String label, Long value, Path run) {
    if (value == null) {
      return;
    }
    String line =
        readme
            .lines()
            .filter(candidate -> candidate.startsWith(row))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no table row starting " + row));
    Matcher range = Pattern.compile("(\\d+)–(\\d+) s" + Pattern.quote(label)).matcher(line);
    assertThat(range.find()).as("%s states a range%s: %s", row, label, line).isTrue();
    assertThat(value)
        .as("%s of %s, against the README's %s", row, run, range.group())
        .isBetween(Long.valueOf(range.group(1)), Long.valueOf(range.group(2)));
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
