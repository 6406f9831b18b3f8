package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.LaunchedProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployable jar in its own JVM under the official runtime interface client, the way a Lambda
 * container image starts it: {@code java -cp ... AWSLambda <handler>}.
 */
final class LambdaRuntimeProcess implements AutoCloseable {

  private final LaunchedProcess process;

  private LambdaRuntimeProcess(LaunchedProcess process) {
    this.process = process;
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
    Path client = Path.of(System.getProperty("lambda.runtime.client", "target/none"));
    assertThat(code).as("the function's code").exists();
    assertThat(client).as("the runtime client copied by the build").isDirectory();
    Map<String, String> env = new HashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", api.address());
    env.put("_HANDLER", handler);
    env.put("AWS_LAMBDA_FUNCTION_NAME", "infra-advisor-" + name);
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/infra-advisor-" + name);
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/28/[$LATEST]test");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    env.put("INVOCATION_ID", null);
    env.putAll(extraEnv);
    return new LambdaRuntimeProcess(
        LaunchedProcess.start(
            List.of(
                LaunchedProcess.java(),
                "-cp",
                code + ":" + client + "/*",
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                handler),
            env,
            Path.of("target", name + ".log"),
            Duration.ofSeconds(10)));
  }

  Process process() {
    return process.process();
  }

  Instant launchedAt() {
    return process.launchedAt();
  }

  String logText() {
    return process.logText();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
