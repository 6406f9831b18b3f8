package com.example.inframodels.lambda;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' LocalStack container, started once more where a start lost Testcontainers 2.0.5's
 * start-up race ({@link StarterScriptRace}), which no released version fixes. Only then: any other
 * failed start is LocalStack's own and would fail again. The container removed after a failed start
 * is read first, since what it printed is the only place the race shows.
 */
final class GuardedLocalStackContainer extends LocalStackContainer {

  private volatile String outputWhenStopped = "";

  GuardedLocalStackContainer(DockerImageName image) {
    super(image);
  }

  /** {@link #start()}, and again (a fresh container, racing anew) if the first lost the race. */
  void startGuarded() {
    try {
      start();
    } catch (RuntimeException failed) {
      if (!StarterScriptRace.seenIn(outputWhenStopped)) {
        throw failed;
      }
      try {
        start();
      } catch (RuntimeException again) {
        again.addSuppressed(failed);
        throw again;
      }
    }
  }

  @Override
  protected void containerIsStopping(InspectContainerResponse containerInfo) {
    try {
      outputWhenStopped = getLogs();
    } catch (RuntimeException noLogs) {
      // The container is removed all the same; without its output no race is recognised.
      outputWhenStopped = "";
    }
    super.containerIsStopping(containerInfo);
  }
}
