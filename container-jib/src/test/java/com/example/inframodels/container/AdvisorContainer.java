package com.example.inframodels.container;

import java.time.Duration;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** The built image, started as an orchestrator would: read-only, non-root, memory-limited. */
final class AdvisorContainer extends GenericContainer<AdvisorContainer> {

  static final long MEMORY_LIMIT_BYTES = 512L * 1024 * 1024;

  AdvisorContainer(String image) {
    super(DockerImageName.parse(image));
    withExposedPorts(8080);
    withCreateContainerCmdModifier(
        create ->
            create
                .getHostConfig()
                // The image must not need to write outside /tmp.
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,noexec,nosuid,size=64m"))
                .withMemory(MEMORY_LIMIT_BYTES)
                .withMemorySwap(MEMORY_LIMIT_BYTES));
    waitingFor(
        Wait.forHttp("/actuator/health/readiness")
            .forStatusCode(200)
            .withStartupTimeout(Duration.ofSeconds(120)));
  }
}
