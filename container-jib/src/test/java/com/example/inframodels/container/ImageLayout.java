package com.example.inframodels.container;

import com.example.inframodels.testing.ExternalCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image tarball as {@code jib:buildTar} writes it (an OCI image layout), read with tar(1): its
 * manifest's digest, its layers with their compressed sizes, the files in each layer, its
 * entrypoint, and a name for each layer from what it holds.
 */
public final class ImageLayout {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TAR_TIMEOUT = Duration.ofMinutes(1);

  /** One layer: its digest and its size as stored, compressed (what a registry and a pull move). */
  public record Layer(String digest, long size) {}

  private final Path tar;

  public ImageLayout(Path tar) {
    this.tar = tar;
  }

  public Path tar() {
    return tar;
  }

  /** The image manifest's digest: what {@code target/jib-image.digest} records. */
  public String digest() throws IOException, InterruptedException {
    return manifestDigest(entry("index.json"));
  }

  /** The layers, in the manifest's order (base first). */
  public List<Layer> layers() throws IOException, InterruptedException {
    return layers(blob(digest()));
  }

  /** The configured entrypoint, word by word. */
  public List<String> entrypoint() throws IOException, InterruptedException {
    JsonNode manifest = JSON.readTree(blob(digest()));
    JsonNode config = JSON.readTree(blob(manifest.get("config").get("digest").asString()));
    List<String> entrypoint = new ArrayList<>();
    config.get("config").get("Entrypoint").forEach(word -> entrypoint.add(word.asString()));
    return entrypoint;
  }

  /** The paths in one layer, directories with their trailing slash. */
  public List<String> files(String layerDigest) throws IOException, InterruptedException {
    ExternalCommand.Result listing =
        ExternalCommand.run(
            TAR_TIMEOUT,
            List.of(
                "bash",
                "-c",
                "set -o pipefail; tar -xOf \"$0\" \"$1\" | tar --warning=no-unknown-keyword -tz",
                tar.toString(),
                blobPath(layerDigest)));
    return succeeded(listing).lines();
  }

  /** Each layer's name ({@link #names}), in the manifest's order. */
  public List<String> layerNames() throws IOException, InterruptedException {
    List<List<String>> files = new ArrayList<>();
    for (Layer layer : layers()) {
      files.add(files(layer.digest()));
    }
    return names(files);
  }

  /** The digest of the first (with Jib: the only) manifest of an {@code index.json}. */
  static String manifestDigest(String indexJson) {
    return JSON.readTree(indexJson).get("manifests").get(0).get("digest").asString();
  }

  /** The layers an image manifest lists, with their sizes. */
  static List<Layer> layers(String manifestJson) {
    List<Layer> layers = new ArrayList<>();
    JSON.readTree(manifestJson)
        .get("layers")
        .forEach(
            layer ->
                layers.add(new Layer(layer.get("digest").asString(), layer.get("size").asLong())));
    return layers;
  }

  /**
   * Names for layers from the files they hold, as the README names them: "base" (nothing under
   * {@code app/}; numbered when the base has several layers), "dependencies" (library jars), a
   * layer of one library jar by that library (the business module's, e.g. "app-core"), "start-up
   * archive" ({@code app/cds/}), "app" (the application's own jar in {@code app/classpath/}), "jvm
   * arg files" (Jib's class path and main class files). Anything else is "layer N".
   */
  public static List<String> names(List<List<String>> filesPerLayer) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < filesPerLayer.size(); i++) {
      names.add(name(filesPerLayer.get(i), i + 1));
    }
    long bases = names.stream().filter("base"::equals).count();
    if (bases > 1) {
      int n = 0;
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equals("base")) {
          names.set(i, "base " + ++n + " of " + bases);
        }
      }
    }
    return names;
  }

  private static String name(List<String> paths, int position) {
    List<String> files =
        paths.stream().map(ImageLayout::relative).filter(p -> !p.endsWith("/")).toList();
    if (files.stream().noneMatch(file -> file.startsWith("app/"))) {
      return "base";
    }
    if (files.stream().allMatch(file -> file.startsWith("app/cds/"))) {
      return "start-up archive";
    }
    if (files.stream().allMatch(file -> file.startsWith("app/classpath/"))) {
      return "app";
    }
    if (files.stream().allMatch(file -> file.startsWith("app/jib-"))) {
      return "jvm arg files";
    }
    if (files.stream().allMatch(file -> file.startsWith("app/libs/") && file.endsWith(".jar"))) {
      return files.size() == 1 ? library(files.get(0)) : "dependencies";
    }
    return "layer " + position;
  }

  /** {@code app/libs/app-core-0.1.0-SNAPSHOT.jar} is "app-core": the name before the version. */
  private static String library(String jar) {
    String file = jar.substring(jar.lastIndexOf('/') + 1, jar.length() - ".jar".length());
    int version = file.length();
    for (int i = 1; i < file.length(); i++) {
      if (file.charAt(i - 1) == '-' && Character.isDigit(file.charAt(i))) {
        version = i - 1;
        break;
      }
    }
    return file.substring(0, version);
  }

  private static String relative(String path) {
    return path.startsWith("./")
        ? path.substring(2)
        : path.startsWith("/") ? path.substring(1) : path;
  }

  /** A blob of the layout by its digest, as text (manifests and configs). */
  public String blob(String digest) throws IOException, InterruptedException {
    return entry(blobPath(digest));
  }

  private static String blobPath(String digest) {
    return "blobs/sha256/" + digest.substring("sha256:".length());
  }

  private String entry(String name) throws IOException, InterruptedException {
    return succeeded(ExternalCommand.run(TAR_TIMEOUT, List.of("tar", "-xOf", tar.toString(), name)))
        .output();
  }

  private static ExternalCommand.Result succeeded(ExternalCommand.Result result) {
    if (result.exitCode() != 0) {
      throw new IllegalStateException(result.describe());
    }
    return result;
  }
}
