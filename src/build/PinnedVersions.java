import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The check that keeps one decision per version while each packaging module pins its own.
 *
 * <p>The root pom decides every version. A packaging module does not inherit from it (so that it
 * builds when copied out of the tree) and repeats the versions it needs as properties. This program
 * fails when such a module:
 *
 * <ul>
 *   <li>has a parent other than the root pom's own parent (Spring Boot's, same version);
 *   <li>has a groupId or version other than the root's;
 *   <li>sets a property the root also sets, to another value;
 *   <li>sets a {@code *.version} property the root does not decide;
 *   <li>writes a version as a literal instead of a {@code ${...version}} property.
 * </ul>
 *
 * Run by the root pom in {@code validate}: {@code java src/build/PinnedVersions.java ROOT_DIR}.
 */
public final class PinnedVersions {

  private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    List<String> problems = check(root);
    if (problems.isEmpty()) {
      System.out.println("pinned versions: every packaging module agrees with the root pom");
      return;
    }
    System.err.println("pinned versions differ from the root pom's (" + root.resolve("pom.xml") + "):");
    problems.forEach(problem -> System.err.println("  " + problem));
    System.exit(1);
  }

  static List<String> check(Path root) throws Exception {
    Element rootPom = read(root.resolve("pom.xml"));
    Map<String, String> decided = properties(rootPom);
    decided.replaceAll((name, value) -> interpolate(value, rootPom));
    String rootParent = coordinates(child(rootPom, "parent"));
    String rootSelf = coordinates(rootPom);

    List<String> problems = new ArrayList<>();
    for (Element module : children(child(rootPom, "modules"), "module")) {
      Path pomFile = root.resolve(module.getTextContent().strip()).resolve("pom.xml");
      Element pom = read(pomFile);
      String where = root.relativize(pomFile).toString();
      String parent = coordinates(child(pom, "parent"));
      if (parent.equals(rootSelf)) {
        continue; // inherits every decision
      }
      if (!parent.equals(rootParent)) {
        problems.add(where + ": parent " + parent + ", the root pom's is " + rootParent);
      }
      String self = text(pom, "groupId") + ":" + text(pom, "version");
      String rootGroupAndVersion = text(rootPom, "groupId") + ":" + text(rootPom, "version");
      if (!self.equals(rootGroupAndVersion)) {
        problems.add(where + ": groupId:version " + self + ", the root's is " + rootGroupAndVersion);
      }
      properties(pom)
          .forEach(
              (name, value) -> {
                String rootValue = decided.get(name);
                if (rootValue == null && name.endsWith(".version")) {
                  problems.add(where + ": " + name + " is not decided in the root pom");
                } else if (rootValue != null && !rootValue.equals(value)) {
                  problems.add(
                      where + ": " + name + " = " + value + ", the root pom has " + rootValue);
                }
              });
      literalVersions(pom, problems, where);
    }
    return problems;
  }

  /** Every {@code <version>} of a dependency, plugin or extension must name a property. */
  private static void literalVersions(Element pom, List<String> problems, String where) {
    NodeList versions = pom.getElementsByTagName("version");
    for (int i = 0; i < versions.getLength(); i++) {
      Element version = (Element) versions.item(i);
      Node owner = version.getParentNode();
      if (!List.of("dependency", "plugin", "extension").contains(((Element) owner).getTagName())) {
        continue; // the project's own, its parent's, or a version range in an enforcer rule
      }
      String value = version.getTextContent().strip();
      Matcher reference = PROPERTY_REFERENCE.matcher(value);
      if (!reference.matches()) {
        problems.add(
            where
                + ": "
                + text((Element) owner, "artifactId")
                + " has the literal version "
                + value
                + "; use a property decided in the root pom");
      }
    }
  }

  private static Map<String, String> properties(Element pom) {
    Map<String, String> properties = new LinkedHashMap<>();
    Element section = child(pom, "properties");
    if (section != null) {
      for (Element property : children(section, null)) {
        properties.put(property.getTagName(), property.getTextContent().strip());
      }
    }
    return properties;
  }

  /** The root's own coordinates are the only references its properties make. */
  private static String interpolate(String value, Element rootPom) {
    return value
        .replace("${project.version}", text(rootPom, "version"))
        .replace("${project.groupId}", text(rootPom, "groupId"));
  }

  private static String coordinates(Element element) {
    if (element == null) {
      return "(none)";
    }
    return text(element, "groupId") + ":" + text(element, "artifactId") + ":" + text(element, "version");
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? "" : element.getTextContent().strip();
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
        found.add(element);
      }
    }
    return found;
  }

  private static Element read(Path pom) throws Exception {
    if (!Files.isRegularFile(pom)) {
      throw new IllegalArgumentException("no pom at " + pom);
    }
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    return document.getDocumentElement();
  }
}
