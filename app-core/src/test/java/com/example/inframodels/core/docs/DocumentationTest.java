package com.example.inframodels.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.api.ApiRequest;
import com.example.inframodels.core.api.ApiResponse;
import com.example.inframodels.core.catalogue.PriceCatalogues;
import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.estimate.Estimator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's documents, checked where the whole repository is: the root README's opening
 * commands and examples, app-core's table of estimates, and every relative link. app-core is never
 * copied out of the tree, so its build is where these run; each packaging module checks its own
 * README.
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

  private static final JsonMapper JSON = JsonMapper.builder().build();

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

  /**
   * app-core's README quotes what the sample workload costs with each choice; every figure of that
   * table must be what the advisor answers for the row's body, with the bundled catalogue.
   */
  @Test
  void appCoreReadmeQuotesTheEstimatesTheAdvisorGives() throws IOException {
    Map<String, List<String>> quoted = estimateTable(ROOT.resolve("app-core/README.md"));
    AdvisorApi advisor =
        new AdvisorApi(
            new Estimator(PriceCatalogues.bundled()),
            () -> {
              throw new IllegalStateException("the table asks for estimates only");
            });

    Map<String, List<String>> answered = new LinkedHashMap<>();
    quoted.keySet().forEach(body -> answered.put(body, monthlyFigures(advisor, body)));

    assertThat(quoted.keySet())
        .as("the table's rows: the contract's sample, then one per choice")
        .hasSize(3)
        .first()
        .isEqualTo(AdvisorContract.SAMPLE_WORKLOAD);
    assertThat(quoted)
        .as("the README's figures, against the advisor's answers")
        .isEqualTo(answered);
  }

  /** Rows {@code | `{body}` | $a | $b | $c | $d |}: the body and its four figures. */
  private static Map<String, List<String>> estimateTable(Path readme) throws IOException {
    Pattern row = Pattern.compile("^\\| `(\\{.*\\})` \\|(.*)\\|$");
    Map<String, List<String>> table = new LinkedHashMap<>();
    for (String line : Files.readAllLines(readme)) {
      Matcher cells = row.matcher(line);
      if (cells.matches()) {
        table.put(
            cells.group(1), Arrays.stream(cells.group(2).split("\\|")).map(String::strip).toList());
      }
    }
    return table;
  }

  /** Each model's monthly figure, in the answer's order, as the README writes dollars. */
  private static List<String> monthlyFigures(AdvisorApi advisor, String body) {
    ApiResponse response =
        advisor.handle(
            new ApiRequest(
                "POST", "/estimate", "application/json", body.getBytes(StandardCharsets.UTF_8)));
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (response.status() != 200) {
      return List.of("HTTP " + response.status() + ": " + text);
    }
    List<String> figures = new ArrayList<>();
    JSON.readTree(text)
        .get("options")
        .forEach(
            option ->
                figures.add(
                    String.format(Locale.US, "$%,.2f", option.get("monthlyUsd").decimalValue())));
    return figures;
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
