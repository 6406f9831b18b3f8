package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.FreePorts;
import com.example.inframodels.testing.LaunchedProcess;
import com.example.inframodels.testing.RequiredTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Lambda function run locally the way AWS's own tools run one: the Runtime Interface Emulator
 * ({@code aws-lambda-rie}, what AWS's Lambda base images run outside Lambda) serves the Runtime API
 * and the invoke endpoint, and starts the official runtime interface client on the function's code:
 * {@code aws-lambda-rie java <JVM options> -cp CODE:client/* AWSLambda HANDLER}.
 *
 * <p>What the tests rely on, read from the emulator's sources at the pinned version
 * (internal/lambda/rie in the module {@code github.com/aws/aws-lambda-runtime-interface-emulator}):
 *
 * <ul>
 *   <li>Everything after its own flags is the runtime's command; the last word is the handler
 *       ({@code _HANDLER}) (run.go). The runtime gets the emulator's whole environment, so the
 *       environment given here is the function's configuration (handlers.go, {@code InitHandler}).
 *   <li>The runtime starts at the first invocation, not with the emulator (handlers.go, {@code
 *       initDone}): the first answer includes the JVM's whole start.
 *   <li>One invocation at a time; a second one in flight is refused with 400, so {@link #invoke} is
 *       serialised.
 *   <li>An init failure ({@code /init/error}, then the runtime's exit) is answered 502 with the
 *       runtime's error document; the next invocation starts the runtime again. A function error
 *       ({@code /invocation/{id}/error}) is answered 200 with the error document: the emulator
 *       drops the {@code X-Amz-Function-Error} header (rie/util.go, {@code ResponseWriterProxy}
 *       keeps no headers). {@link Answer#error()} therefore also reads the body.
 *   <li>{@code Lambda-Runtime-Client-Context} and {@code Lambda-Runtime-Cognito-Identity} are sent
 *       only when the invocation carries them (rapi/rendering/rendering.go); the runtime client
 *       2.10.1 runs without them.
 * </ul>
 */
public final class EmulatedFunction implements AutoCloseable {

  /** The function's memory, as template.yaml gives both functions. */
  public static final int MEMORY_MB = 1024;

  /** How the function's JVM is started. */
  public enum Jit {
    /**
     * As the managed {@code java21} runtime starts it. Documented by AWS
     * (docs.aws.amazon.com/lambda/latest/dg/java-customization.html): "For Java 17 and Java 21,
     * Lambda configures the JVM to stop tiered compilation at level 1 by default", i.e. {@code
     * -XX:+TieredCompilation -XX:TieredStopAtLevel=1}, which a function may override through {@code
     * JAVA_TOOL_OPTIONS}; and the serial collector, "Java 17 runtime also uses the serial GC by
     * default", {@code -XX:+UseSerialGC}. Not documented, but on the launcher's command line as
     * published from a running function (java11 runtime; DataDog/datadog-lambda-extension#117):
     * heap, metaspace and code cache at 85 %, 10 % and 5 % of the function's memory ({@code
     * -XX:MaxHeapSize=222823k -XX:MaxMetaspaceSize=26214k -XX:ReservedCodeCacheSize=13107k} at 256
     * MB) and {@code -Djava.net.preferIPv4Stack=true}. The runtime's Log4Shell agent ({@code
     * -javaagent:...amzn-log4j-security...}) is not AWS's to download and is left out. The -XX
     * flags come from a {@code -XX:Flags} file, which the JVM reads before {@code
     * JAVA_TOOL_OPTIONS}, so that a function's own options win, as they do on Lambda.
     */
    MANAGED_RUNTIME(true),
    /**
     * The JVM with no options at all, C1 and C2: what the managed runtime's settings are compared
     * with.
     */
    JVM_DEFAULT(false);

    private final boolean managed;

    Jit(boolean managed) {
      this.managed = managed;
    }

    /** The heap the managed runtime allows a function of {@code memoryMb}: 85% of it, in KiB. */
    static long maxHeapKib(int memoryMb) {
      return memoryMb * 1024L * 85 / 100;
    }

    /** The -XX flags for a function of {@code memoryMb}, one a line as a flags file holds them. */
    public List<String> flags(int memoryMb) {
      if (!managed) {
        return List.of();
      }
      long kb = memoryMb * 1024L;
      return List.of(
          "+TieredCompilation",
          "TieredStopAtLevel=1",
          "+UseSerialGC",
          "MaxHeapSize=" + maxHeapKib(memoryMb) + "k",
          "MaxMetaspaceSize=" + kb * 10 / 100 + "k",
          "ReservedCodeCacheSize=" + kb * 5 / 100 + "k");
    }

    List<String> jvmOptions(int memoryMb) throws IOException {
      if (!managed) {
        return List.of();
      }
      Path file = Files.createTempFile("lambda-runtime-", ".flags");
      file.toFile().deleteOnExit();
      Files.write(file, flags(memoryMb));
      return List.of("-XX:Flags=" + file, "-Djava.net.preferIPv4Stack=true");
    }

    /** How this set-up starts the JVM, for the header of a results file. */
    public String describe(int memoryMb) {
      return managed
          ? this
              + ": -XX:Flags with "
              + flags(memoryMb)
              + " and -Djava.net.preferIPv4Stack=true,"
              + " for "
              + memoryMb
              + " MB"
          : this + ": no options";
    }
  }

  private static final String INVOCATIONS = "/2015-03-31/functions/function/invocations";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * What the function answered to one invocation: the emulator's status and body.
   *
   * @param status 200 for a response or a function error, 502 when the runtime failed to start
   */
  record Answer(int status, byte[] body) {

    /**
     * The invocation failed: the runtime could not start, or the function reported an error (the
     * document with {@code errorType} and {@code errorMessage} that the runtime client posts to
     * {@code /invocation/{id}/error}, which the emulator answers with 200).
     */
    boolean error() {
      if (status != 200) {
        return true;
      }
      try {
        JsonNode document = JSON.readTree(body);
        return document.isObject() && document.has("errorType") && document.has("errorMessage");
      } catch (RuntimeException notJson) {
        return false;
      }
    }
  }

  private final LaunchedProcess emulator;
  private final URI invocations;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private EmulatedFunction(LaunchedProcess emulator, int port) {
    this.emulator = emulator;
    this.invocations = URI.create("http://127.0.0.1:" + port + INVOCATIONS);
  }

  /** The deployable jar under the managed runtime's JVM options. */
  static EmulatedFunction start(String handler, String name, Map<String, String> env)
      throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("lambda.jar", "target/none.jar"));
    assertThat(jar)
        .as("the deployable jar built by `package` (shade, classifier aws)")
        .isRegularFile();
    return start(jar, handler, name, env, Jit.MANAGED_RUNTIME);
  }

  /**
   * Any code location (the deployable jar, a directory of classes) with the given JIT, with {@code
   * env} as the function's environment variables.
   */
  static EmulatedFunction start(
      Path code, String handler, String name, Map<String, String> env, Jit jit)
      throws IOException, InterruptedException {
    return start(code, handler, name, env, jit, List.of());
  }

  /**
   * As {@link #start(Path, String, String, Map, Jit)}, with {@code moreJvmOptions} on the JVM's
   * command line after the set-up's own (a benchmark's {@code -XX:SharedArchiveFile}, say).
   */
  static EmulatedFunction start(
      Path code,
      String handler,
      String name,
      Map<String, String> env,
      Jit jit,
      List<String> moreJvmOptions)
      throws IOException, InterruptedException {
    Path client = Path.of(System.getProperty("lambda.runtime.client", "target/none"));
    assertThat(code).as("the function's code").exists();
    assertThat(client).as("the runtime client copied by the build").isDirectory();
    Path rie = emulator();
    int[] ports = FreePorts.distinct(2);
    int port = ports[0];
    List<String> command = new ArrayList<>();
    command.add(rie.toString());
    command.add("--runtime-interface-emulator-address");
    command.add("127.0.0.1:" + port);
    // Its default, 127.0.0.1:9001, would be shared by every function started at once.
    command.add("--runtime-api-address");
    command.add("127.0.0.1:" + ports[1]);
    command.add(LaunchedProcess.java());
    command.addAll(jit.jvmOptions(MEMORY_MB));
    command.addAll(moreJvmOptions);
    command.addAll(
        List.of(
            "-cp",
            code.toAbsolutePath() + ":" + client.toAbsolutePath() + "/*",
            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
            handler));
    Map<String, String> environment = new HashMap<>();
    environment.put("AWS_LAMBDA_FUNCTION_NAME", "infra-advisor-" + name);
    environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(MEMORY_MB));
    environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/infra-advisor-" + name);
    environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    // The build's own, never Lambda's: the runtime oracle would take it for systemd's.
    environment.put("INVOCATION_ID", null);
    environment.put("JAVA_TOOL_OPTIONS", null);
    environment.putAll(env);
    LaunchedProcess process =
        LaunchedProcess.start(
            command, environment, Path.of("target", name + ".log"), Duration.ofSeconds(10));
    EmulatedFunction function = new EmulatedFunction(process, port);
    try {
      function.awaitListening(port, Duration.ofSeconds(10));
    } catch (IOException | RuntimeException | InterruptedException e) {
      function.close();
      throw e;
    }
    return function;
  }

  /** {@code aws-lambda-rie} at {@code -Daws.lambda.rie=PATH}, else on {@code PATH}. */
  public static Path emulator() {
    String install =
        "go install github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@"
            + System.getProperty("aws.lambda.rie.version", "(the version .ci/provision pins)");
    String configured = System.getProperty("aws.lambda.rie", "");
    if (!configured.isBlank()) {
      Path at = Path.of(configured);
      RequiredTool.require(
          Files.isRegularFile(at) && Files.isExecutable(at),
          "no aws-lambda-rie at -Daws.lambda.rie=" + at + ": " + install);
      return at;
    }
    Optional<Path> onPath =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, "aws-lambda-rie"))
            .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
            .findFirst();
    RequiredTool.require(onPath.isPresent(), "aws-lambda-rie not on PATH: " + install);
    return onPath.get();
  }

  /**
   * Sends {@code event} to the invoke endpoint and waits for the answer. The emulator's own
   * function timeout (300 s unless {@code AWS_LAMBDA_FUNCTION_TIMEOUT} says otherwise) is longer
   * than the tests wait, so a function that hangs fails the test here rather than coming back as
   * the emulator's "Task timed out" text with status 200.
   */
  synchronized Answer invoke(byte[] event, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(invocations)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(event))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), response.body());
  }

  /**
   * The function's output for {@code input}, allowing for a cold start; a function error fails the
   * test, with the error and the function's log.
   */
  byte[] output(byte[] input) throws IOException, InterruptedException {
    Answer answer = invoke(input, RuntimeClientContract.COLD);
    assertThat(answer.error())
        .as(
            "a function error instead of an answer: %s%n%s",
            new String(answer.body(), StandardCharsets.UTF_8), logText())
        .isFalse();
    return answer.body();
  }

  /** The emulator's log, with the runtime's output in it. */
  String logText() {
    return emulator.logText();
  }

  /** The runtime processes the emulator has started and that still run. */
  List<ProcessHandle> runningRuntimes() {
    return emulator.process().toHandle().descendants().filter(ProcessHandle::isAlive).toList();
  }

  private void awaitListening(int port, Duration within) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(within);
    IOException last = null;
    while (Instant.now().isBefore(deadline)) {
      if (!emulator.process().isAlive()) {
        throw new IOException(
            "aws-lambda-rie exited with " + emulator.process().exitValue() + ":\n" + logText());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        last = notYet;
        Thread.sleep(10);
      }
    }
    throw new IOException(
        "aws-lambda-rie did not listen on " + port + " within " + within + ":\n" + logText(), last);
  }

  /** Stops the emulator, which stops its runtime; any runtime left over is killed. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> runtimes = runningRuntimes();
    emulator.close();
    for (ProcessHandle runtime : runtimes) {
      if (runtime.isAlive()) {
        runtime.destroyForcibly();
      }
    }
  }
}
