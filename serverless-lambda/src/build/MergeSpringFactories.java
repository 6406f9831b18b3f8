import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Merges Spring's properties-format resources ({@code META-INF/spring.factories}, {@code
 * META-INF/spring/aot.factories}, {@code META-INF/spring-autoconfigure-metadata.properties}) of
 * every entry of a class path, each into one file, the way Spring Boot's
 * PropertiesMergingResourceTransformer does for the shaded jar (a key's values from all files,
 * comma-joined, in class-path order) but without the build's date, which {@code Properties.store}
 * writes as a comment and which made the jar differ from build to build.
 *
 * <p>Run by the pom before {@code shade}: {@code java src/build/MergeSpringFactories.java
 * OUTPUT_DIR CLASSPATH}; each merged file lands at its own path under OUTPUT_DIR. The output has
 * its keys sorted, duplicate values dropped, one value per line.
 */
public final class MergeSpringFactories {

  private static final List<String> RESOURCES =
      List.of(
          "META-INF/spring.factories",
          "META-INF/spring/aot.factories",
          "META-INF/spring-autoconfigure-metadata.properties");

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: MergeSpringFactories OUTPUT_DIR CLASSPATH");
    }
    for (String resource : RESOURCES) {
      merge(resource, Path.of(args[0]).resolve(resource), args[1]);
    }
  }

  private static void merge(String resource, Path output, String classPath) throws IOException {
    Map<String, Set<String>> merged = new TreeMap<>();
    List<String> sources = new ArrayList<>();
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      Properties factories = read(Path.of(entry), resource);
      if (factories == null) {
        continue;
      }
      sources.add(Path.of(entry).getFileName().toString());
      for (String key : new TreeMap<>(factories).keySet().stream().map(String::valueOf).toList()) {
        Set<String> values = merged.computeIfAbsent(key, k -> new LinkedHashSet<>());
        for (String value : factories.getProperty(key).split(",")) {
          if (!value.isBlank()) {
            values.add(value.strip());
          }
        }
      }
    }
    Files.createDirectories(output.toAbsolutePath().getParent());
    try (Writer out = Files.newBufferedWriter(output, StandardCharsets.ISO_8859_1)) {
      out.write("# Merged from " + String.join(", ", sources) + "\n");
      for (Map.Entry<String, Set<String>> factory : merged.entrySet()) {
        out.write(factory.getKey() + "=\\\n  " + String.join(",\\\n  ", factory.getValue()) + "\n");
      }
    }
    System.out.println(
        resource + ": " + merged.size() + " keys from " + sources.size() + " files");
  }

  /** The entry's resource, or null where it has none (or is no jar or directory). */
  private static Properties read(Path entry, String resource) throws IOException {
    Properties factories = new Properties();
    if (Files.isDirectory(entry)) {
      Path file = entry.resolve(resource);
      if (!Files.isRegularFile(file)) {
        return null;
      }
      try (InputStream in = Files.newInputStream(file)) {
        factories.load(in);
      }
      return factories;
    }
    if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
      return null;
    }
    try (ZipFile jar = new ZipFile(entry.toFile())) {
      ZipEntry file = jar.getEntry(resource);
      if (file == null) {
        return null;
      }
      try (InputStream in = jar.getInputStream(file)) {
        factories.load(in);
      }
    }
    return factories;
  }
}
