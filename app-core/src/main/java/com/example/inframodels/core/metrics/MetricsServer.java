package com.example.inframodels.core.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.SmartLifecycle;

/**
 * {@code GET /metrics} in Prometheus's text format on a port of its own, apart from the contract's
 * port: there every path outside the contract is a 404 problem detail, and stays one; and the
 * metrics (route names, JVM figures) are for the cluster's scraper, not for whoever reaches the
 * public port. The JDK's own HTTP server: one thread, no servlet container, nothing to configure.
 * Anything but {@code GET} or {@code HEAD} is a 405; any other path a 404.
 */
public final class MetricsServer implements SmartLifecycle {

  public static final String PATH = "/metrics";

  /**
   * The two formats Prometheus reads, as prometheus-metrics' writers name them (a runtime
   * dependency of the registry, not one to compile against).
   */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final InetSocketAddress address;
  private HttpServer server;
  private ExecutorService executor;

  /**
   * Started by hand, port 0 picks a free port ({@link #port()} then says which); with the context,
   * port 0 is off ({@link #isAutoStartup()}).
   */
  public MetricsServer(PrometheusMeterRegistry registry, InetSocketAddress address) {
    this.registry = registry;
    this.address = address;
  }

  @Override
  public synchronized void start() {
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + address, e);
    }
    server.createContext("/", this::answer);
    // One scrape at a time is all a scraper asks; a daemon thread never holds the JVM up.
    executor =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "metrics-server");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Port 0 in configuration means no metrics port. The auto-configuration already leaves the bean
   * out then, except under Spring AOT, whose bean set was fixed at build time with the packaged
   * default; it still must not open a port.
   */
  @Override
  public boolean isAutoStartup() {
    return address.getPort() > 0;
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** The port it listens on, once started. */
  public synchronized int port() {
    return server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!exchange.getRequestURI().getPath().equals(PATH)) {
        send(exchange, 404, "text/plain; charset=utf-8", "Not Found: only " + PATH + "\n");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed\n");
      } else {
        String contentType = contentType(exchange.getRequestHeaders().getFirst("Accept"));
        send(exchange, 200, contentType, registry.scrape(contentType));
      }
    }
  }

  /**
   * OpenMetrics when the scraper asks for it (Prometheus does, first), else the classic text format
   * every scraper reads.
   */
  static String contentType(String accept) {
    return accept != null && accept.contains("application/openmetrics-text")
        ? OPEN_METRICS
        : PROMETHEUS_TEXT;
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    // -1: no body follows (HEAD); otherwise its exact length.
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
