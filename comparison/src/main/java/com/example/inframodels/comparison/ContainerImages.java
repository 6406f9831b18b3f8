package com.example.inframodels.comparison;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two images container-jib's build leaves in its {@code target/}: the application image and the
 * image to run (the same layers plus the start-up archive), loaded into the engine when a step
 * first needs them, and removed again by the section's last step (or at exit) if they were not
 * there before: the engine is left as it was found.
 */
final class ContainerImages {

  /** One of the two images: its row, its tarball and the id Jib recorded beside it. */
  record Image(String subject, Path tar, Path idFile) {
    String id() throws IOException {
      return Files.readString(idFile, StandardCharsets.UTF_8).strip();
    }
  }

  static final String DEFAULT = "application image (default)";
  static final String TUNED = "image to run (with CDS archive)";

  final Image application;
  final Image toRun;
  private final Path archive;
  private final Set<String> loadedByUs = new LinkedHashSet<>();
  private boolean loaded;

  ContainerImages(Path target) {
    application =
        new Image(DEFAULT, target.resolve("jib-image.tar"), target.resolve("jib-image.id"));
    toRun =
        new Image(TUNED, target.resolve("jib-image-cds.tar"), target.resolve("jib-image-cds.id"));
    archive = target.resolve("cds/app.jsa");
  }

  /** Why an image cannot be measured, if it cannot. */
  Optional<String> missing(Image image) {
    if (!Files.isRegularFile(image.tar()) || !Files.isRegularFile(image.idFile())) {
      return Optional.of(
          "not built: container-jib/target/" + image.tar().getFileName() + " missing");
    }
    // With CONTAINER_CDS_SKIP=true (or no engine at build time) the image to run is still
    // written, but holds no archive: it would be the application image again.
    if (image == toRun && !Files.isRegularFile(archive)) {
      return Optional.of(
          "no start-up archive: container-jib/target/cds/app.jsa missing (built with"
              + " CONTAINER_CDS_SKIP=true, or without an engine)");
    }
    return Optional.empty();
  }

  /** The images that can be measured, the application image first. */
  List<Image> present() {
    List<Image> present = new ArrayList<>();
    for (Image image : List.of(application, toRun)) {
      if (missing(image).isEmpty()) {
        present.add(image);
      }
    }
    return present;
  }

  /** Loads every present image into the engine, once; returns the images with their ids. */
  synchronized List<Image> load(ContainerEngineCli engine, Recorder recorder)
      throws IOException, InterruptedException {
    List<Image> present = present();
    if (!loaded) {
      for (Image image : present) {
        String id = image.id();
        if (!engine.knowsImage(id)) {
          recorder.progress("loading " + image.tar().getFileName() + " into " + engine.name());
          loadedByUs.add(id);
          engine.load(image.tar());
        }
      }
      loaded = true;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> removeQuietly(engine)));
    }
    return present;
  }

  /** Removes the images this run loaded (by id: a tag may have moved to another image). */
  synchronized void remove(ContainerEngineCli engine) throws IOException, InterruptedException {
    for (String id : List.copyOf(loadedByUs)) {
      engine.removeImage(id);
      loadedByUs.remove(id);
    }
  }

  private void removeQuietly(ContainerEngineCli engine) {
    try {
      remove(engine);
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      // The engine went first, or the image is already gone: nothing left to clean up.
    }
  }
}
