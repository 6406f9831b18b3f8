package com.example.inframodels.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The artifacts each model ships that the build leaves in a module's {@code target/}: the fat JAR,
 * its distribution tar.gz, the Lambda jar. The image and the VM image are measured by their own
 * sections, which build them.
 */
final class Sizes implements Section {

  static final double MB = 1_000_000.0;

  /** The rows whose artifact this section measures; the sections of those models use the same. */
  static final String FAT_JAR = "fat JAR, java -jar";

  static final String SYSTEMD = "systemd service via install.sh";
  static final String LEAN_HANDLER = "lean handler";
  static final String SPRING_HANDLER = "Spring Cloud Function handler";

  @Override
  public String name() {
    return "sizes";
  }

  @Override
  public List<Step> steps(Options options) {
    Path baremetal = options.module("baremetal-systemd").resolve("target");
    Path lambda = options.module("serverless-lambda").resolve("target");
    return List.of(
        new Step(
            "artifact sizes",
            Duration.ofSeconds(1),
            recorder -> {
              size(recorder, Model.BARE_METAL, FAT_JAR, baremetal.resolve("infra-advisor.jar"));
              size(
                  recorder,
                  Model.BARE_METAL,
                  SYSTEMD,
                  baremetal.resolve("infra-advisor-dist.tar.gz"));
              // One jar holds both handlers: its size belongs to both rows.
              Path jar = lambda.resolve(LambdaSection.JAR);
              size(recorder, Model.SERVERLESS, LEAN_HANDLER, jar);
              size(recorder, Model.SERVERLESS, SPRING_HANDLER, jar);
            }));
  }

  static void size(Recorder recorder, Model model, String subject, Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      recorder.skip(
          new Skipped(
              Metric.SIZE, model, subject, "not built: " + file.getFileName() + " missing"));
      return;
    }
    recorder.figure(
        Figure.once(
            Metric.SIZE,
            model,
            subject,
            Files.size(file) / MB,
            "file size of " + file.getFileName()));
  }
}
