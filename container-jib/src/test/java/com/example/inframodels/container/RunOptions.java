package com.example.inframodels.container;

import java.util.List;

/**
 * How the image is run wherever it is measured or tested: as an orchestrator would run it (see
 * k8s/deployment.yaml), read-only with a small {@code /tmp} tmpfs and 512 MiB of memory, no swap.
 * The ITs apply it through the engine's API ({@link AdvisorContainer}); the comparison harness
 * passes {@link #cliFlags()} to {@code podman run}.
 */
public final class RunOptions {

  /** The memory limit of the Deployment's container, and the ceiling the heap is sized from. */
  public static final long MEMORY_LIMIT_BYTES = 512L * 1024 * 1024;

  /** The only writable place the image needs. */
  public static final String TMPFS_PATH = "/tmp";

  public static final String TMPFS_OPTIONS = "rw,noexec,nosuid,size=64m";

  /** The port the image's service listens on. */
  public static final int PORT = 8080;

  private RunOptions() {}

  /** The same options as {@code podman run} / {@code docker run} flags. */
  public static List<String> cliFlags() {
    return List.of(
        "--read-only",
        "--tmpfs",
        TMPFS_PATH + ":" + TMPFS_OPTIONS,
        "--memory",
        Long.toString(MEMORY_LIMIT_BYTES),
        // Equal to the memory limit: no swap, as on a Kubernetes node.
        "--memory-swap",
        Long.toString(MEMORY_LIMIT_BYTES));
  }
}
