package com.example.inframodels.lambda;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/**
 * The containers LocalStack's Lambda started for functions, found through the engine. LocalStack
 * 4.14.0 names them after its own container, {@code <its name>-lambda-<function>-<executor id>}
 * ({@code DockerRuntimeExecutor._generate_container_name}), and Testcontainers' LocalStackContainer
 * has it label them with this session's labels (through {@code LAMBDA_DOCKER_FLAGS}).
 */
final class FunctionContainers {

  private final DockerClient docker;
  private final String prefix;

  /** {@code localstackName}: LocalStack's container's name, as the engine reports it. */
  FunctionContainers(DockerClient docker, String localstackName) {
    this.docker = docker;
    this.prefix = withoutSlash(localstackName) + "-lambda-";
  }

  List<Container> list() {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(
            Map.of(
                DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL,
                DockerClientFactory.SESSION_ID))
        .exec()
        .stream()
        .filter(container -> names(container).anyMatch(name -> name.startsWith(prefix)))
        .toList();
  }

  /** Which of {@code functions} the container runs. */
  Optional<String> functionOf(Container container, Collection<String> functions) {
    return functions.stream()
        .filter(
            function -> names(container).anyMatch(name -> name.startsWith(prefix + function + "-")))
        .findFirst();
  }

  /**
   * Removes them all: LocalStack's DeleteFunction only schedules their stop, and Testcontainers
   * stops LocalStack by killing it, before it gets there.
   */
  void removeAll() {
    for (Container container : list()) {
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
      } catch (NotFoundException removedByLocalStack) {
        // LocalStack got there first.
      }
    }
  }

  private static Stream<String> names(Container container) {
    return Arrays.stream(container.getNames()).map(FunctionContainers::withoutSlash);
  }

  // Docker reports names with a leading slash, and not every engine does.
  private static String withoutSlash(String name) {
    return name.startsWith("/") ? name.substring(1) : name;
  }
}
