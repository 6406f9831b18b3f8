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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One run of the module's Packer template, as a user runs it, with this machine's inputs: the
 * source image, its checksum, the accelerator and where the output goes.
 */
public final class PackerBake {

  public final Path image;
  public final Duration took;
  public final String accelerator;

  private PackerBake(Path image, Duration took, String accelerator) {
    this.image = image;
    this.took = took;
    this.accelerator = accelerator;
  }

  /**
   * {@code packer build} in {@code template}: the module's template as {@code package} prepared and
   * validated it for this machine's Packer (src/build/validate-template.sh).
   */
  public static PackerBake run(
      Path packer, Path template, Path sourceImage, Path distDir, Path work, String accelerator)
      throws Exception {
    assertThat(template.resolve("infra-advisor.pkr.hcl"))
        .as("the template `package` prepared for this machine's Packer")
        .isRegularFile();
    Files.createDirectories(work);
    Path output = work.resolve("output");
    Path serial = work.resolve("bake-serial.log");

    List<String> command =
        new ArrayList<>(
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
                "ssh_timeout=20m"));
    if (accelerator.equals("tcg")) {
      // Packer gives qemu "accel=tcg", which runs a host thread per vCPU: the guest's JVM then
      // crashes now and then (see QemuVm#accel; install.sh's jar extraction aborted so in one bake
      // on 2026-12-03). With one vCPU no code is modified across CPUs; the image is the same.
      command.addAll(List.of("-var", "cpus=1"));
    }
    command.add(".");

    Instant start = Instant.now();
    // The run's first timed step, so nothing measured on this machine to scale from: a ceiling
    // only, with room for a machine several times slower than one that bakes in 7 minutes.
    ExternalCommand.Result build = ExternalCommand.run(Duration.ofMinutes(45), template, command);
    Duration took = Duration.between(start, Instant.now());
    Files.writeString(work.resolve("packer-build.log"), build.output());

    assertThat(build.exitCode())
        .as("%s%n--- serial console of the bake ---%n%s", build.describe(), tail(serial))
        .isZero();
    Path image = output.resolve("infra-advisor.qcow2");
    assertThat(image).as("the image the template names").isRegularFile();
    return new PackerBake(image, took, accelerator);
  }

  /**
   * The stand-in Debian cloud image, built by {@code module}'s script from Debian packages (cached:
   * at once once built); {@code module} is the vm-packer directory ({@code Path.of("")} from its
   * own tests).
   */
  public static Path standInSourceImage(Path module) throws Exception {
    ExternalCommand.Result standIn =
        ExternalCommand.run(
            Duration.ofMinutes(20),
            List.of(
                "bash",
                module.resolve("src/test/base-image/build-debian-cloud-image.sh").toString()));
    assertThat(standIn.exitCode()).as(standIn.describe()).isZero();
    return Path.of(standIn.lines().get(standIn.lines().size() - 1));
  }

  /** The template {@code package} prepared and validated, in {@code module}'s target. */
  public static Path template(Path module) {
    return module.resolve("target/packer-template");
  }

  /**
   * Where {@code package} unpacked baremetal-systemd's distribution, in {@code module}'s target.
   */
  public static Path distDir(Path module) {
    return module.resolve("target/packer-inputs/infra-advisor");
  }

  static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The last lines of a log, for failure messages. */
  public static String tail(Path log) {
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
