package com.example.inframodels.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.ExternalCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One run of the module's Packer template, as a user runs it, with this machine's inputs: the
 * source image, its checksum, the accelerator and where the output goes.
 */
final class PackerBake {

  final Path image;
  final Duration took;
  final String accelerator;

  private PackerBake(Path image, Duration took, String accelerator) {
    this.image = image;
    this.took = took;
    this.accelerator = accelerator;
  }

  /**
   * {@code packer build} in {@code template}: the module's template as {@code package} prepared and
   * validated it for this machine's Packer (src/build/validate-template.sh).
   */
  static PackerBake run(
      Path packer, Path template, Path sourceImage, Path distDir, Path work, String accelerator)
      throws Exception {
    assertThat(template.resolve("infra-advisor.pkr.hcl"))
        .as("the template `package` prepared for this machine's Packer")
        .isRegularFile();
    Files.createDirectories(work);
    Path output = work.resolve("output");
    Path serial = work.resolve("bake-serial.log");

    Instant start = Instant.now();
    // The run's first timed step, so nothing measured on this machine to scale from: a ceiling
    // only, with room for a machine several times slower than one that bakes in 7 minutes.
    ExternalCommand.Result build =
        ExternalCommand.run(
            Duration.ofMinutes(45),
            template,
            List.of(
                packer.toString(),
                "build",
                "-color=false",
                "-var",
                "source_image_url=" + sourceImage.toUri(),
                "-var",
                "source_image_checksum=sha256:" + sha256(sourceImage),
                "-var",
                "accelerator=" + accelerator,
                "-var",
                "dist_dir=" + distDir.toAbsolutePath(),
                "-var",
                "output_directory=" + output.toAbsolutePath(),
                "-var",
                "serial_log=" + serial.toAbsolutePath(),
                "-var",
                "ssh_timeout=20m",
                "."));
    Duration took = Duration.between(start, Instant.now());
    Files.writeString(work.resolve("packer-build.log"), build.output());

    assertThat(build.exitCode())
        .as("%s%n--- serial console of the bake ---%n%s", build.describe(), tail(serial))
        .isZero();
    Path image = output.resolve("infra-advisor.qcow2");
    assertThat(image).as("the image the template names").isRegularFile();
    return new PackerBake(image, took, accelerator);
  }

  static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The last lines of a log, for failure messages. */
  static String tail(Path log) {
    try {
      // Consoles print escape sequences and, now and then, bytes that are not UTF-8.
      List<String> lines =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "(no " + log + ": " + e.getMessage() + ")";
    }
  }
}
