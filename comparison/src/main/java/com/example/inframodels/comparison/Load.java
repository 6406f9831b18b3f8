package com.example.inframodels.comparison;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load generator on loopback: a fixed number of connections, each sending {@code POST
 * /estimate} as soon as its last answer came, bounded by a request count and a deadline. A warm-up
 * batch goes first and is not counted. Every answer must be a 200; anything else fails the
 * measurement rather than being counted as fast.
 */
final class Load {

  /** The request every load run sends: the README's second example (a fixed peak). */
  static final String BODY =
      "{\"requestsPerMonth\":1000000,\"avgDurationMs\":120,\"memoryMb\":512,"
          + "\"peakRequestsPerSecond\":10}";

  /** How a run is bounded. */
  record Shape(
      int connections,
      int warmupRequests,
      int requests,
      Duration deadline,
      Duration requestTimeout) {

    /** The shape the table's process, container and VM rows share. */
    static final Shape STANDARD =
        new Shape(4, 2_000, 10_000, Duration.ofSeconds(30), Duration.ofSeconds(30));

    /**
     * The same offered load with a longer wait for any one answer: a guest emulated without an
     * accelerator can stall one request past 30 s (seen once under TCG on 2 cores), which would
     * otherwise lose the whole measurement; the stall still shows in the p99.
     */
    Shape withRequestTimeout(Duration timeout) {
      return new Shape(connections, warmupRequests, requests, deadline, timeout);
    }

    String describe() {
      return String.format(
          "%d connections, closed loop on loopback, %d requests or %d s after %d to warm up,"
              + " each answer within %d s",
          connections, requests, deadline.toSeconds(), warmupRequests, requestTimeout.toSeconds());
    }
  }

  /** What one run measured; latencies in milliseconds. */
  record Result(int completed, double seconds, double p50, double p99, double throughput) {}

  private Load() {}

  /**
   * {@code runs} load runs against one target, recorded as its p50, p99 and throughput figures
   * (each with one value per run).
   */
  static void measure(
      Recorder recorder, Model model, String subject, URI base, Shape shape, int runs)
      throws Exception {
    List<Double> p50 = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    List<Double> throughput = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      recorder.progress("load run " + run + " of " + runs + " (" + shape.describe() + ")");
      Result result = run(base, shape);
      p50.add(result.p50());
      p99.add(result.p99());
      throughput.add(result.throughput());
    }
    String note = shape.describe() + "; " + runs + " runs";
    recorder.figure(new Figure(Metric.LATENCY_P50, model, subject, p50, note));
    recorder.figure(new Figure(Metric.LATENCY_P99, model, subject, p99, note));
    recorder.figure(new Figure(Metric.THROUGHPUT, model, subject, throughput, note));
  }

  static Result run(URI base, Shape shape) throws Exception {
    URI estimate = base.resolve("/estimate");
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(estimate)
            .timeout(shape.requestTimeout())
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(shape.connections());
    try {
      phase(client, request, pool, shape.connections(), shape.warmupRequests(), shape.deadline());
      long start = System.nanoTime();
      List<long[]> latencies =
          phase(client, request, pool, shape.connections(), shape.requests(), shape.deadline());
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      if (all.length == 0) {
        throw new IllegalStateException("no request completed within " + shape.deadline());
      }
      return new Result(
          all.length,
          seconds,
          percentile(all, 50) / 1e6,
          percentile(all, 99) / 1e6,
          all.length / seconds);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static List<long[]> phase(
      HttpClient client,
      HttpRequest request,
      ExecutorService pool,
      int connections,
      int requests,
      Duration deadline)
      throws Exception {
    AtomicInteger tickets = new AtomicInteger(requests);
    long stopAt = System.nanoTime() + deadline.toNanos();
    List<Future<long[]>> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      workers.add(
          pool.submit(
              () -> {
                long[] taken = new long[requests];
                int n = 0;
                while (tickets.getAndDecrement() > 0 && System.nanoTime() < stopAt) {
                  long sent = System.nanoTime();
                  HttpResponse<byte[]> response =
                      client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                  long took = System.nanoTime() - sent;
                  if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                        "POST /estimate answered "
                            + response.statusCode()
                            + ": "
                            + new String(response.body()));
                  }
                  taken[n++] = took;
                }
                return Arrays.copyOf(taken, n);
              }));
    }
    List<long[]> results = new ArrayList<>();
    for (Future<long[]> worker : workers) {
      results.add(worker.get());
    }
    return results;
  }
}
