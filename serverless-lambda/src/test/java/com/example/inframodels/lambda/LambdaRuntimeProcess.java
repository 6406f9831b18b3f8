package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The deployable jar in its own JVM under the official runtime interface client, the way a Lambda
 * container image starts it: {@code java -cp ... AWSLambda <handler>}.
 */
final class LambdaRuntimeProcess implements AutoCloseable {

  final Process process;
  final Instant launchedAt;
  final Path log;

  private LambdaRuntimeProcess(Process process, Instant launchedAt, Path log) {
    this.process = process;
    this.launchedAt = launchedAt;
    this.log = log;
  }

  static LambdaRuntimeProcess start(String handler, LambdaRuntimeApi api, String name)
      throws IOException {
    return start(handler, api, name, Map.of());
  }

  static LambdaRuntimeProcess start(
      String handler, LambdaRuntimeApi api, String name, Map<String, String> extraEnv)
      throws IOException {
    Path jar = Path.of(System.getProperty("lambda.jar", "target/none.jar"));
    assertThat(jar)
        .as("the deployable jar built by `package` (shade, classifier aws)")
        .isRegularFile();
    return start(jar, handler, api, name, extraEnv);
  }

  /** Any code location: the deployable jar, or a directory of classes. */
  static LambdaRuntimeProcess start(
      Path code, String handler, LambdaRuntimeApi api, String name, Map<String, String> extraEnv)
      throws IOException {
    Path jar = code;
    Path client = Path.of(System.getProperty("lambda.runtime.client", "target/none"));
    assertThat(jar).as("the function's code").exists();
    assertThat(client).as("the runtime client copied by the build").isDirectory();
    Path log = Path.of("target", name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    jar + ":" + client + "/*",
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                    handler))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("AWS_LAMBDA_RUNTIME_API", api.address());
    env.put("_HANDLER", handler);
    env.put("AWS_LAMBDA_FUNCTION_NAME", "infra-advisor-" + name);
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/infra-advisor-" + name);
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/28/[$LATEST]test");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    env.remove("INVOCATION_ID");
    env.putAll(extraEnv);
    return new LambdaRuntimeProcess(builder.start(), Instant.now(), log);
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
