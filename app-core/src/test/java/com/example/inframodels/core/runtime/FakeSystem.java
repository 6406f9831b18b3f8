package com.example.inframodels.core.runtime;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A staged machine: only the variables and files a test puts there exist. */
final class FakeSystem implements SystemView {
  static final Instant JVM_START = Instant.parse("2026-11-28T10:00:00Z");

  private final Map<String, String> env = new HashMap<>();
  private final Map<String, String> files = new HashMap<>();

  FakeSystem env(String name, String value) {
    env.put(name, value);
    return this;
  }

  FakeSystem file(String path, String content) {
    files.put(path, content);
    return this;
  }

  @Override
  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name));
  }

  @Override
  public boolean exists(String path) {
    return files.containsKey(path);
  }

  @Override
  public Optional<String> read(String path) {
    return Optional.ofNullable(files.get(path));
  }

  @Override
  public int availableProcessors() {
    return 2;
  }

  @Override
  public long maxHeapBytes() {
    return 256L << 20;
  }

  @Override
  public String javaVersion() {
    return "17.0.15";
  }

  @Override
  public String javaVendor() {
    return "Test";
  }

  @Override
  public Instant jvmStartTime() {
    return JVM_START;
  }
}
