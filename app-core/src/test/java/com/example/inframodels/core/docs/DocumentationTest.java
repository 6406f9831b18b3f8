package com.example.inframodels.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.contract.AdvisorContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The repository's documents, checked where the whole repository is: the root README's opening
 * commands and examples, and every relative link. app-core is never copied out of the tree, so its
 * build is where these run; each packaging module checks its own README.
 */
class DocumentationTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path ROOT_README = ROOT.resolve("README.md");

  /**
   * The README's run command, word for word (baremetal-systemd's ReadmeTest holds the module to
   * it). Its -DskipTests belongs to the user's command, not to this build: running the app should
   * not wait for the test suite, which the README's second command, ./mvnw verify, runs in full.
   */
  private static final String RUN_COMMAND =
      "./mvnw -pl baremetal-systemd -am package -DskipTests"
          + " && java -jar baremetal-systemd/target/infra-advisor.jar";

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

  @Test
  void opensWithTheRunCommandAndTheTestCommand() throws IOException {
    List<String> firstBlock = firstCodeBlock(Files.readAllLines(ROOT_README));

    assertThat(firstBlock).containsExactly(RUN_COMMAND, "./mvnw verify");
  }

  @Test
  void curlExamplesSendTheContractsSampleWorkloads() throws IOException {
    assertThat(Files.readString(ROOT_README))
        .as("the README's curl body is the one the contract suite proves")
        .contains("-d '" + AdvisorContract.SAMPLE_WORKLOAD + "'")
        .contains("-d '" + AdvisorContract.FIXED_PEAK_WORKLOAD + "'");
  }

  /** baremetal-systemd's SystemdUnitIT checks its README's score against systemd-analyze. */
  @Test
  void statesTheUnitScoreTheBareMetalReadmeStates() throws IOException {
    Pattern score = Pattern.compile("scores \\*\\*(\\d+\\.\\d) OK\\*\\*");
    Matcher module = score.matcher(Files.readString(ROOT.resolve("baremetal-systemd/README.md")));
    Matcher root = score.matcher(Files.readString(ROOT_README));

    assertThat(module.find()).as("baremetal-systemd/README.md states the score").isTrue();
    assertThat(root.find()).as("README.md states the score").isTrue();
    assertThat(root.group(1)).isEqualTo(module.group(1));
  }

  static Stream<Path> documents() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT, 3)) {
      return files
          .filter(path -> path.getFileName().toString().endsWith(".md"))
          // Judged by the path inside the repository: a clone may itself sit under a hidden
          // directory (~/.cache/...), and only the repository's own hidden or build folders are
          // out of scope.
          .filter(path -> isSourceDocument(ROOT.relativize(path)))
          .toList()
          .stream();
    }
  }

  private static boolean isSourceDocument(Path inRepository) {
    for (Path part : inRepository) {
      String name = part.toString();
      if (name.startsWith(".") || name.equals("target")) {
        return false;
      }
    }
    return true;
  }

  @Test
  void findsTheDocumentsOfEveryModule() throws IOException {
    assertThat(documents().map(ROOT::relativize).map(Path::toString))
        .as("a clone under a hidden directory must not hide its own documents")
        .contains(
            "README.md",
            "app-core/README.md",
            "test-support/README.md",
            "baremetal-systemd/README.md",
            "vm-packer/README.md",
            "container-jib/README.md",
            "serverless-lambda/README.md",
            "comparison/README.md");
  }

  @ParameterizedTest
  @MethodSource("documents")
  void relativeLinksPointAtFilesThatExist(Path document) throws IOException {
    List<String> broken = new ArrayList<>();
    Matcher link = LINK.matcher(Files.readString(document));
    while (link.find()) {
      String target = link.group(1);
      if (target.contains("://") || target.startsWith("mailto:")) {
        continue;
      }
      if (!Files.exists(document.getParent().resolve(target))) {
        broken.add(target);
      }
    }

    assertThat(broken).as("broken links in %s", ROOT.relativize(document)).isEmpty();
  }

  private static List<String> firstCodeBlock(List<String> lines) {
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")) {
        if (start < 0) {
          start = i;
        } else {
          return lines.subList(start + 1, i);
        }
      }
    }
    throw new AssertionError("no code block in README.md");
  }
}
