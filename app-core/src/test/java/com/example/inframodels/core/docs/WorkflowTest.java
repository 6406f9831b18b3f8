package com.example.inframodels.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The GitHub workflow cannot run here, so what it runs is checked against the build: each script it
 * calls exists (and is executable where it is called directly), each {@code -pl} module is a module
 * of the root pom, each {@code -P} profile and {@code -D} property is one the poms declare or read,
 * each {@code prefix:goal} belongs to a plugin the poms declare, each other program is one {@code
 * .ci/provision} installs, and each action is pinned by commit. actionlint (run by {@code .ci/run})
 * checks the workflow's syntax; this checks that it fits this repository.
 */
class WorkflowTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path WORKFLOW = ROOT.resolve(".github/workflows/ci.yml");

  @Test
  void everyCommandTheWorkflowRunsExistsInTheBuild() throws Exception {
    Build build = Build.read(ROOT);

    List<String> problems = build.check(Files.readString(WORKFLOW));

    assertThat(problems).as("commands in %s", ROOT.relativize(WORKFLOW)).isEmpty();
  }

  /** Each way a command can miss the build is caught: the check above can fail. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bash .ci/no-such-script                          | .ci/no-such-script does not exist
          ./mvnw -pl app-core,no-such-module verify        | no-such-module is not a module
          ./mvnw -pl '!no-such-module' verify              | no-such-module is not a module
          ./mvnw -P no-such-profile verify                 | no profile no-such-profile
          ./mvnw verify -Dno.such.property=1               | no.such.property is read by no pom
          ./mvnw no-such-plugin:goal                       | no plugin with prefix no-such-plugin
          ./mvnw verfiy                                    | verfiy is not a lifecycle phase
          ./mvnw --no-such-option verify                   | unknown Maven option --no-such-option
          bash .ci/copy-modules app-core no-such-module    | no-such-module is not a packaging module
          sudo env "PATH=$PATH" no-such-tool --version     | no-such-tool is not installed by .ci/provision
          """)
  void catchesACommandTheBuildDoesNotHave(String command, String problem) throws Exception {
    Build build = Build.read(ROOT);
    String workflow =
        """
        jobs:
          j:
            steps:
              - run: %s
        """
            .formatted(command);

    assertThat(build.check(workflow)).anySatisfy(found -> assertThat(found).contains(problem));
  }

  @Test
  void catchesAnActionNotPinnedByCommit() throws Exception {
    String workflow =
        """
        jobs:
          j:
            steps:
              - uses: actions/checkout@v7
        """;

    assertThat(Build.read(ROOT).check(workflow))
        .anySatisfy(found -> assertThat(found).contains("actions/checkout@v7 is not pinned"));
  }

  /** What the workflow's commands may name: read from the poms and .ci/provision. */
  private record Build(
      Path root,
      Set<String> modules,
      Set<String> profiles,
      Set<String> properties,
      Set<String> pluginPrefixes,
      String provision) {

    /** Lifecycle phases of Maven's default and clean lifecycles that a command may name. */
    private static final Set<String> PHASES =
        Set.of(
            "clean", "validate", "compile", "test-compile", "test", "package", "verify", "install");

    /** Maven's own options this workflow may pass; those with a value take the next word. */
    private static final Set<String> FLAGS =
        Set.of(
            "--batch-mode",
            "-B",
            "--no-transfer-progress",
            "-ntp",
            "-am",
            "--also-make",
            "-q",
            "-e",
            "--fail-at-end");

    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-pl", "--projects", "-P");

    /**
     * Properties Maven itself reads, not a pom: the one this workflow passes, so root's Maven uses
     * the repository setup-java caches.
     */
    private static final Set<String> MAVEN_PROPERTIES = Set.of("maven.repo.local");

    /** Programs from the runner or the base system, not from .ci/provision. */
    private static final Set<String> SYSTEM_PROGRAMS = Set.of("echo", "tee", "udevadm");

    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");

    static Build read(Path root) throws Exception {
      Document rootPom = parse(root.resolve("pom.xml"));
      List<String> modules = texts(rootPom, "module");
      Set<String> profiles = new TreeSet<>();
      Set<String> properties = new TreeSet<>(MAVEN_PROPERTIES);
      Set<String> prefixes = new TreeSet<>();
      List<Path> poms = new ArrayList<>(List.of(root.resolve("pom.xml")));
      modules.forEach(module -> poms.add(root.resolve(module).resolve("pom.xml")));
      for (Path pom : poms) {
        Document document = parse(pom);
        NodeList profileNodes = document.getElementsByTagName("profile");
        for (int i = 0; i < profileNodes.getLength(); i++) {
          profiles.add(child((Element) profileNodes.item(i), "id"));
        }
        NodeList propertyBlocks = document.getElementsByTagName("properties");
        for (int i = 0; i < propertyBlocks.getLength(); i++) {
          for (Node n = propertyBlocks.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
              properties.add(element.getTagName());
            }
          }
        }
        Matcher reference = PROPERTY_REFERENCE.matcher(Files.readString(pom));
        while (reference.find()) {
          properties.add(reference.group(1));
        }
        for (String artifactId : texts(document, "artifactId")) {
          if (artifactId.endsWith("-maven-plugin")) {
            prefixes.add(artifactId.substring(0, artifactId.length() - "-maven-plugin".length()));
          } else if (artifactId.startsWith("maven-") && artifactId.endsWith("-plugin")) {
            prefixes.add(artifactId.substring("maven-".length(), artifactId.length() - 7));
          }
        }
      }
      return new Build(
          root,
          Set.copyOf(modules),
          profiles,
          properties,
          prefixes,
          Files.readString(root.resolve(".ci/provision")));
    }

    /** Every mismatch between the workflow's commands and this build; empty when none. */
    List<String> check(String workflowYaml) throws IOException {
      List<String> problems = new ArrayList<>();
      JsonNode workflow = YAMLMapper.builder().build().readTree(workflowYaml);
      for (Map.Entry<String, JsonNode> job : workflow.path("jobs").properties()) {
        checkMavenArguments(
            job.getValue().path("env").path("MAVEN_ARGS").asString(""), "MAVEN_ARGS", problems);
        for (JsonNode step : job.getValue().path("steps")) {
          String uses = step.path("uses").asString("");
          if (!uses.isEmpty() && !PINNED.matcher(uses).matches()) {
            problems.add(uses + " is not pinned by a 40-hex commit");
          }
          for (List<String> command : ShellWords.commands(step.path("run").asString(""))) {
            checkCommand(command, problems);
          }
        }
      }
      return problems;
    }

    private void checkCommand(List<String> words, List<String> problems) throws IOException {
      List<String> command = withoutSudoAndEnv(words);
      if (command.isEmpty()) {
        return;
      }
      String program = command.get(0);
      List<String> arguments = command.subList(1, command.size());
      if (program.equals("bash")) {
        if (arguments.isEmpty() || !Files.isRegularFile(root.resolve(arguments.get(0)))) {
          String script = arguments.isEmpty() ? "(no script)" : arguments.get(0);
          problems.add(String.join(" ", command) + ": " + script + " does not exist");
        } else {
          checkScriptArguments(arguments.get(0), arguments.subList(1, arguments.size()), problems);
        }
      } else if (program.startsWith("./") || program.startsWith(".ci/")) {
        Path script = root.resolve(program);
        if (!Files.isRegularFile(script) || !Files.isExecutable(script)) {
          problems.add(program + " does not exist or is not executable (run it with bash)");
        } else if (program.equals("./mvnw")) {
          checkMavenArguments(String.join(" ", arguments), String.join(" ", command), problems);
        }
      } else if (!SYSTEM_PROGRAMS.contains(program)
          && !Pattern.compile("\\b" + Pattern.quote(program) + "\\b").matcher(provision).find()) {
        problems.add(program + " is not installed by .ci/provision nor part of the system");
      }
    }

    private void checkScriptArguments(String script, List<String> arguments, List<String> bad)
        throws IOException {
      if (script.equals(".ci/copy-modules")) {
        for (String module : arguments) {
          Path readme = root.resolve(module).resolve("README.md");
          if (!modules.contains(module)
              || !Files.isRegularFile(readme)
              || !Files.readString(readme).contains("## Copy this module")) {
            bad.add(".ci/copy-modules: " + module + " is not a packaging module");
          }
        }
      }
    }

    private void checkMavenArguments(String line, String where, List<String> problems) {
      List<String> words = ShellWords.commands(line).stream().flatMap(List::stream).toList();
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i);
        if (OPTIONS_WITH_VALUE.contains(word) && i + 1 < words.size()) {
          String value = words.get(++i);
          if (word.equals("-P")) {
            checkProfiles(value, where, problems);
          } else {
            for (String module : value.split(",")) {
              String name = module.replaceFirst("^[!-]?\\??", "");
              if (!modules.contains(name)) {
                problems.add(where + ": " + name + " is not a module of the root pom");
              }
            }
          }
        } else if (word.startsWith("-P") && word.length() > 2) {
          checkProfiles(word.substring(2), where, problems);
        } else if (word.startsWith("-D")) {
          String name = word.substring(2).split("=", 2)[0];
          if (!properties.contains(name)) {
            problems.add(where + ": -D" + name + " is read by no pom");
          }
        } else if (word.startsWith("-")) {
          if (!FLAGS.contains(word)) {
            problems.add(where + ": unknown Maven option " + word);
          }
        } else if (word.contains(":")) {
          String prefix = word.substring(0, word.indexOf(':'));
          if (!pluginPrefixes.contains(prefix)) {
            problems.add(where + ": no plugin with prefix " + prefix + " in the poms");
          }
        } else if (!PHASES.contains(word)) {
          problems.add(where + ": " + word + " is not a lifecycle phase");
        }
      }
    }

    private void checkProfiles(String value, String where, List<String> problems) {
      for (String profile : value.split(",")) {
        String name = profile.replaceFirst("^[!-]?\\??", "");
        if (!profiles.contains(name)) {
          problems.add(where + ": no profile " + name + " in the poms");
        }
      }
    }

    private static List<String> withoutSudoAndEnv(List<String> words) {
      int start = 0;
      if (start < words.size() && words.get(start).equals("sudo")) {
        start++;
        while (start < words.size() && words.get(start).startsWith("-")) {
          start++;
        }
      }
      if (start < words.size() && words.get(start).equals("env")) {
        start++;
      }
      while (start < words.size() && words.get(start).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        start++;
      }
      return words.subList(start, words.size());
    }

    private static Document parse(Path pom) throws Exception {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> texts(Document document, String tag) {
      NodeList nodes = document.getElementsByTagName(tag);
      return Stream.iterate(0, i -> i < nodes.getLength(), i -> i + 1)
          .map(i -> nodes.item(i).getTextContent().strip())
          .toList();
    }

    private static String child(Element parent, String tag) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element element && element.getTagName().equals(tag)) {
          return element.getTextContent().strip();
        }
      }
      return "";
    }
  }

  /**
   * Just enough of the shell to read a workflow's {@code run:}: words in single or double quotes,
   * backslash-newline continuations, and {@code && || | ;} and newlines between commands.
   */
  static final class ShellWords {

    private ShellWords() {}

    static List<List<String>> commands(String script) {
      List<List<String>> commands = new ArrayList<>();
      List<String> words = new ArrayList<>();
      StringBuilder word = null;
      String text = script.replace("\\\n", " ");
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"') {
          int end = text.indexOf(c, i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("unterminated quote in: " + script);
          }
          word = (word == null ? new StringBuilder() : word).append(text, i + 1, end);
          i = end;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '&' || c == '|' || c == ';') {
          if (word != null) {
            words.add(word.toString());
            word = null;
          }
          if (c != ' ' && c != '\t' && !words.isEmpty()) {
            commands.add(words);
            words = new ArrayList<>();
          }
        } else if (c == '#' && word == null) {
          int end = text.indexOf('\n', i);
          i = (end < 0 ? text.length() : end) - 1;
        } else {
          word = (word == null ? new StringBuilder() : word).append(c);
        }
      }
      if (word != null) {
        words.add(word.toString());
      }
      if (!words.isEmpty()) {
        commands.add(words);
      }
      return commands;
    }
  }
}
