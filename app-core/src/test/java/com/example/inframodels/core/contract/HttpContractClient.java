package com.example.inframodels.core.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends contract requests over real HTTP to a running service. */
public final class HttpContractClient implements ContractClient {
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public HttpContractClient(URI base) {
    this.base = base;
  }

  private static HttpRequest.BodyPublisher publisher(ContractRequest request) {
    if (request.body().length == 0) {
      return HttpRequest.BodyPublishers.noBody();
    }
    if (request.chunked()) {
      // A stream of unknown length goes out with Transfer-Encoding: chunked.
      return HttpRequest.BodyPublishers.ofInputStream(
          () -> new java.io.ByteArrayInputStream(request.body()));
    }
    return HttpRequest.BodyPublishers.ofByteArray(request.body());
  }

  @Override
  public ContractResponse send(ContractRequest request) throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(request.path()))
            .timeout(Duration.ofSeconds(30))
            .method(request.method(), publisher(request));
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    HttpResponse<String> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    Map<String, String> headers = new LinkedHashMap<>();
    response
        .headers()
        .map()
        .forEach((name, values) -> headers.put(name, String.join(", ", values)));
    return new ContractResponse(response.statusCode(), headers, response.body());
  }
}
