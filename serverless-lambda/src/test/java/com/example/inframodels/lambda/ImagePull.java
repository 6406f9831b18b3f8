package com.example.inframodels.lambda;

import static org.junit.jupiter.api.Assumptions.abort;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.testcontainers.utility.DockerImageName;

/**
 * An image a test needs from a registry, pulled through the engine before the test relies on it:
 * skipped where no registry can be reached at all, failed for any other reason the pull fails
 * ({@link PullFailure}), so that a rate limit or a missing image is never taken for a machine
 * without a registry.
 */
final class ImagePull {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private ImagePull() {}

  /**
   * {@code platform} as the engine takes it ({@code linux/amd64}), or null for the engine's own;
   * {@code always}: pull even when the engine has the image, as a program that pulls it itself
   * would.
   */
  static void require(DockerClient docker, DockerImageName image, String platform, boolean always) {
    Optional<String> error = pullError(docker, image, platform, always);
    if (error.isEmpty()) {
      return;
    }
    PullFailure failure = PullFailure.of(error.get());
    String reason =
        "cannot pull "
            + image.asCanonicalNameString()
            + (platform == null ? "" : " for " + platform)
            + ": "
            + failure.meaning
            + " ("
            + error.get()
            + ")";
    if (failure == PullFailure.REGISTRY_UNREACHABLE) {
      abort(reason);
    }
    throw new AssertionError(reason);
  }

  /**
   * Empty when the image is there or was pulled within the timeout; else the engine's error. The
   * pull's stream is read here rather than by docker-java's PullImageResultCallback, which fails
   * with a NullPointerException on an error item without a status (what podman sends) and so hides
   * the registry's answer. Testcontainers' client looks up the engine's credentials for the
   * registry, as for its own pulls.
   */
  private static Optional<String> pullError(
      DockerClient docker, DockerImageName image, String platform, boolean always) {
    if (!always) {
      try {
        docker.inspectImageCmd(image.asCanonicalNameString()).exec();
        return Optional.empty();
      } catch (NotFoundException absent) {
        // Pulled below.
      }
    }
    List<String> errors = new CopyOnWriteArrayList<>();
    try {
      var pull = docker.pullImageCmd(image.getUnversionedPart()).withTag(image.getVersionPart());
      if (platform != null) {
        pull.withPlatform(platform);
      }
      boolean done =
          pull.exec(
                  new ResultCallback.Adapter<PullResponseItem>() {
                    @Override
                    public void onNext(PullResponseItem item) {
                      if (item.isErrorIndicated()) {
                        errors.add(
                            item.getErrorDetail() != null
                                ? item.getErrorDetail().getMessage()
                                : item.toString());
                      }
                    }
                  })
              .awaitCompletion(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!errors.isEmpty()) {
        return Optional.of(String.join("; ", errors));
      }
      return done
          ? Optional.empty()
          : Optional.of("the pull did not finish within " + TIMEOUT.toMinutes() + " minutes");
    } catch (RuntimeException cannotPull) {
      return Optional.of(messages(cannotPull));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while pulling");
    }
  }

  private static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      all.append(all.isEmpty() ? "" : "; ").append(t.getClass().getSimpleName()).append(": ");
      all.append(t.getMessage());
    }
    return all.toString();
  }
}
