package com.example.inframodels.container;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The built image, started as an orchestrator would: read-only, non-root, memory-limited ({@link
 * RunOptions}).
 */
final class AdvisorContainer extends GenericContainer<AdvisorContainer> {

  static final long MEMORY_LIMIT_BYTES = RunOptions.MEMORY_LIMIT_BYTES;

  /** advisor.metrics.port in the image's application.properties: the pod's `metrics` port. */
  static final int METRICS_PORT = 9464;

  AdvisorContainer(String image) {
    super(DockerImageName.parse(image));
    withExposedPorts(RunOptions.PORT, METRICS_PORT);
    withCreateContainerCmdModifier(
        create ->
            create
                .getHostConfig()
                // The image must not need to write outside /tmp.
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of(RunOptions.TMPFS_PATH, RunOptions.TMPFS_OPTIONS))
                .withMemory(MEMORY_LIMIT_BYTES)
                .withMemorySwap(MEMORY_LIMIT_BYTES));
    waitingFor(
        // The API's port by number: with the metrics port exposed too, Testcontainers would
        // otherwise probe whichever mapped port it picks first.
        Wait.forHttp("/actuator/health/readiness")
            .forPort(RunOptions.PORT)
            .forStatusCode(200)
            .withStartupTimeout(Duration.ofSeconds(120)));
  }

  /** Where the API's port is mapped on the engine's host. */
  URI baseUri() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(RunOptions.PORT) + "/");
  }

  /** The API's port as the engine's host reaches it. */
  InetSocketAddress httpAddress() {
    return new InetSocketAddress(getHost(), getMappedPort(RunOptions.PORT));
  }

  /** The metrics port as the engine's host reaches it. */
  InetSocketAddress metricsAddress() {
    return new InetSocketAddress(getHost(), getMappedPort(METRICS_PORT));
  }
}
