package com.example.inframodels.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API, as the Lambda service offers it to a function's runtime: the runtime
 * client asks for the next event, then posts the response or an error. Enough of it to drive the
 * official runtime interface client from a test.
 */
final class LambdaRuntimeApi implements AutoCloseable {

  private static final String BASE = "/2018-06-01/runtime";

  /** What the function answered to one event. */
  record Answer(boolean error, byte[] body) {}

  private record Invocation(String id, byte[] event, CompletableFuture<Answer> answer) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
  private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
  private final CompletableFuture<byte[]> initError = new CompletableFuture<>();
  private final CompletableFuture<Instant> firstPoll = new CompletableFuture<>();

  LambdaRuntimeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(BASE + "/invocation/next", this::next);
    server.createContext(BASE + "/invocation/", this::result);
    server.createContext(BASE + "/init/error", this::initError);
    server.start();
  }

  /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Hands the event to the runtime and waits for its answer. */
  Answer invoke(byte[] event, Duration timeout) throws Exception {
    Invocation invocation =
        new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
    inFlight.put(invocation.id(), invocation);
    pending.put(invocation);
    return invocation.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Completes when the runtime reports that its initialisation failed. */
  CompletableFuture<byte[]> initError() {
    return initError;
  }

  /** Completes when the runtime first asks for an event: its initialisation is over. */
  CompletableFuture<Instant> firstPoll() {
    return firstPoll;
  }

  private void next(HttpExchange exchange) throws IOException {
    firstPoll.complete(Instant.now());
    Invocation invocation;
    try {
      invocation = pending.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    var headers = exchange.getResponseHeaders();
    headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id());
    headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 300_000));
    headers.add(
        "Lambda-Runtime-Invoked-Function-Arn",
        "arn:aws:lambda:us-east-1:123456789012:function:infra-advisor");
    headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
    // The client's native part crashes the JVM if these two are missing; empty is fine.
    headers.add("Lambda-Runtime-Client-Context", "");
    headers.add("Lambda-Runtime-Cognito-Identity", "");
    headers.add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, invocation.event().length);
    exchange.getResponseBody().write(invocation.event());
    exchange.close();
  }

  /** POST .../invocation/{id}/response or .../invocation/{id}/error. */
  private void result(HttpExchange exchange) throws IOException {
    String[] parts = exchange.getRequestURI().getPath().split("/");
    String id = parts[parts.length - 2];
    boolean error = parts[parts.length - 1].equals("error");
    byte[] body = exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(202, -1);
    exchange.close();
    Invocation invocation = inFlight.remove(id);
    if (invocation != null) {
      invocation.answer().complete(new Answer(error, body));
    }
  }

  private void initError(HttpExchange exchange) throws IOException {
    initError.complete(exchange.getRequestBody().readAllBytes());
    exchange.sendResponseHeaders(202, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
