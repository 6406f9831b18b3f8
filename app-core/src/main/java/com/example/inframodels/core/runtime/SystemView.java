package com.example.inframodels.core.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** What the detector may look at: environment variables, files, and the JVM's own figures. */
public interface SystemView {

  Optional<String> env(String name);

  boolean exists(String path);

  /** The file's content, or empty when it is missing or unreadable. */
  Optional<String> read(String path);

  int availableProcessors();

  long maxHeapBytes();

  String javaVersion();

  String javaVendor();

  Instant jvmStartTime();

  /** The real machine this JVM runs on. */
  static SystemView live() {
    return new SystemView() {
      @Override
      public Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name));
      }

      @Override
      public boolean exists(String path) {
        return Files.exists(Path.of(path));
      }

      @Override
      public Optional<String> read(String path) {
        try {
          return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException | SecurityException e) {
          return Optional.empty();
        }
      }

      @Override
      public int availableProcessors() {
        return Runtime.getRuntime().availableProcessors();
      }

      @Override
      public long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
      }

      @Override
      public String javaVersion() {
        return System.getProperty("java.version");
      }

      @Override
      public String javaVendor() {
        return System.getProperty("java.vendor");
      }

      @Override
      public Instant jvmStartTime() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
      }
    };
  }
}
