package com.example.inframodels.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.core.testing.ExternalCommand;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run of the module's Packer template, as a user runs it, with this machine's inputs: the
 * source image, its checksum, the accelerator and where the output goes.
 */
final class PackerBake {

  /** The file Packer before 1.7 rejects (it has the qemu builder built in): left out of its run. */
  static final String VERSIONS_FILE = "versions.pkr.hcl";

  final Path image;
  final Duration took;
  final String output;

  private PackerBake(Path image, Duration took, String output) {
    this.image = image;
    this.took = took;
    this.output = output;
  }

  static PackerBake run(
      Path packer, Path template, Path sourceImage, Path distDir, Path work, String accelerator)
      throws Exception {
    Path copy = work.resolve("template");
    boolean builtInQemu = leavesOutVersionsFile(packer);
    copyTemplate(template, copy, builtInQemu);
    if (!builtInQemu) {
      // Current Packer: the qemu plugin pinned in versions.pkr.hcl, as a user gets it.
      ExternalCommand.Result init =
          ExternalCommand.run(Duration.ofMinutes(5), copy, List.of(packer.toString(), "init", "."));
      assertThat(init.exitCode()).as(init.describe()).isZero();
    }
    Path output = work.resolve("output");
    Path serial = work.resolve("bake-serial.log");

    Instant start = Instant.now();
    ExternalCommand.Result build =
        ExternalCommand.run(
            Duration.ofMinutes(45),
            copy,
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
    return new PackerBake(image, took, build.output());
  }

  /** Packer 1.6.x: {@code required_plugins} is an unsupported block there. */
  static boolean leavesOutVersionsFile(Path packer) throws Exception {
    ExternalCommand.Result version =
        ExternalCommand.run(Duration.ofSeconds(30), List.of(packer.toString(), "version"));
    Matcher m = Pattern.compile("Packer v(\\d+)\\.(\\d+)").matcher(version.output());
    assertThat(m.find()).as(version.describe()).isTrue();
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major < 1 || (major == 1 && minor < 7);
  }

  private static void copyTemplate(Path from, Path to, boolean leaveOutVersions)
      throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!(leaveOutVersions && file.getFileName().toString().equals(VERSIONS_FILE))) {
          Files.copy(file, target);
        }
      }
    }
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
