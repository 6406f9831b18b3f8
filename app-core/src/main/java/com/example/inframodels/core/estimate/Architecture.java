package com.example.inframodels.core.estimate;

import java.util.Optional;

/**
 * The instruction set the service is built for. Each model prices it differently: Lambda and
 * Fargate bill Arm (Graviton) about 20% below x86, and EC2 has Arm instance families of its own.
 * The JVM runs the same JAR on both; only a native library or a base image pins one.
 */
public enum Architecture {
  X86_64("x86_64"),
  ARM64("arm64");

  private final String id;

  Architecture(String id) {
    this.id = id;
  }

  /** The name in requests, responses and catalogues, as AWS spells it. */
  public String id() {
    return id;
  }

  /** The architecture of that name, if there is one. */
  public static Optional<Architecture> named(String id) {
    for (Architecture architecture : values()) {
      if (architecture.id.equals(id)) {
        return Optional.of(architecture);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
