package com.example.inframodels.lambda;

import com.example.inframodels.core.contract.ContractRequest;
import com.example.inframodels.core.contract.ContractResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What API Gateway's {@code $default} route does in front of the function, on loopback, for a
 * browser: each HTTP request becomes an HTTP API event ({@link HttpApiEvents}), the function's
 * answer becomes the HTTP response. Requests are handed over one at a time, as one function
 * instance takes them.
 */
final class LocalHttpApi implements AutoCloseable {

  /** The function: an event in, its output back. */
  @FunctionalInterface
  interface Function {
    byte[] invoke(byte[] event) throws Exception;
  }

  private final HttpServer server;

  private LocalHttpApi(HttpServer server) {
    this.server = server;
  }

  static LocalHttpApi start(Function function) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> answer(exchange, function));
    server.start();
    return new LocalHttpApi(server);
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static synchronized void answer(HttpExchange exchange, Function function)
      throws IOException {
    try (exchange) {
      ContractRequest request =
          new ContractRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestBody().readAllBytes());
      ContractResponse response;
      try {
        response = HttpApiEvents.response(function.invoke(HttpApiEvents.event(request)));
      } catch (Exception | AssertionError e) {
        // API Gateway's own answer when the integration fails.
        response = new ContractResponse(502, Map.of(), "{\"message\":\"Internal Server Error\"}");
      }
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
      if (!head && body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
