package com.example.inframodels.core.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the service has to handle in a month, and the two choices of how it is bought that change
 * the answer: the architecture it runs on and the kind of physical server bare metal means.
 *
 * <p>The limits follow AWS Lambda's, so that every workload can be priced on all four models: a
 * request runs at most 15 minutes, and a function has 128 MB to 10 GB of memory.
 *
 * <p>Owns the rules a workload's values obey on their own: which fields are required, and each
 * field's range ({@link #violations}). The rule that needs prices (a given peak at least the
 * average rate) is {@link Estimator}'s; the rules of a request's format (a number, a whole number,
 * a known field) are its reader's.
 *
 * @param requestsPerMonth requests in a month, 0 or more
 * @param avgDurationMs average time one request takes, in milliseconds, at {@code memoryMb}
 * @param memoryMb memory one copy of the service needs
 * @param peakRequestsPerSecond the busiest second's rate, or {@code null} to derive it from the
 *     monthly rate and {@link #PEAK_FACTOR}
 * @param architecture what the service runs on; {@code null} means {@link Architecture#X86_64}
 * @param bareMetal which physical servers price the bare-metal model; {@code null} means {@link
 *     BareMetalOffer#CLOUD}
 */
public record Workload(
    long requestsPerMonth,
    BigDecimal avgDurationMs,
    int memoryMb,
    BigDecimal peakRequestsPerSecond,
    Architecture architecture,
    BareMetalOffer bareMetal) {

  public static final long MAX_REQUESTS_PER_MONTH = 1_000_000_000_000L;
  public static final BigDecimal MAX_DURATION_MS = BigDecimal.valueOf(900_000);
  public static final int MIN_MEMORY_MB = 128;
  public static final int MAX_MEMORY_MB = 10_240;
  public static final BigDecimal MAX_PEAK_REQUESTS_PER_SECOND = BigDecimal.valueOf(10_000_000);

  /** Peak rate over average rate when no peak is given: traffic is rarely flat. */
  public static final BigDecimal PEAK_FACTOR = BigDecimal.valueOf(3);

  public Workload {
    List<FieldViolation> violations =
        violations(requestsPerMonth, avgDurationMs, memoryMb, peakRequestsPerSecond);
    if (!violations.isEmpty()) {
      throw new InvalidWorkloadException(violations);
    }
    architecture = architecture == null ? Architecture.X86_64 : architecture;
    bareMetal = bareMetal == null ? BareMetalOffer.CLOUD : bareMetal;
  }

  /** A workload on x86_64, with bare metal priced on the cloud's bare-metal instances. */
  public Workload(
      long requestsPerMonth,
      BigDecimal avgDurationMs,
      int memoryMb,
      BigDecimal peakRequestsPerSecond) {
    this(requestsPerMonth, avgDurationMs, memoryMb, peakRequestsPerSecond, null, null);
  }

  /** A workload without an explicit peak. */
  public static Workload of(long requestsPerMonth, String avgDurationMs, int memoryMb) {
    return new Workload(requestsPerMonth, new BigDecimal(avgDurationMs), memoryMb, null);
  }

  /** The same workload with another monthly volume; the peak, if given, is kept. */
  public Workload withRequestsPerMonth(long requests) {
    return new Workload(
        requests, avgDurationMs, memoryMb, peakRequestsPerSecond, architecture, bareMetal);
  }

  /** The same workload on another architecture. */
  public Workload on(Architecture other) {
    return new Workload(
        requestsPerMonth, avgDurationMs, memoryMb, peakRequestsPerSecond, other, bareMetal);
  }

  /** The same workload with bare metal priced on another offer. */
  public Workload pricingBareMetalAs(BareMetalOffer offer) {
    return new Workload(
        requestsPerMonth, avgDurationMs, memoryMb, peakRequestsPerSecond, architecture, offer);
  }

  /**
   * Every rule the given values break, at most one per field, in the order of the fields. A {@code
   * null} argument means the field was absent; it is reported as missing only where it is required.
   */
  public static List<FieldViolation> violations(
      Long requestsPerMonth, BigDecimal avgDurationMs, Integer memoryMb, BigDecimal peak) {
    List<FieldViolation> found = new ArrayList<>();
    if (requestsPerMonth == null) {
      found.add(new FieldViolation("requestsPerMonth", "is required"));
    } else if (requestsPerMonth < 0 || requestsPerMonth > MAX_REQUESTS_PER_MONTH) {
      found.add(
          new FieldViolation(
              "requestsPerMonth", "must be between 0 and " + MAX_REQUESTS_PER_MONTH));
    }
    if (avgDurationMs == null) {
      found.add(new FieldViolation("avgDurationMs", "is required"));
    } else if (avgDurationMs.signum() <= 0 || avgDurationMs.compareTo(MAX_DURATION_MS) > 0) {
      found.add(
          new FieldViolation(
              "avgDurationMs",
              "must be greater than 0 and at most " + MAX_DURATION_MS + " (15 minutes)"));
    }
    if (memoryMb == null) {
      found.add(new FieldViolation("memoryMb", "is required"));
    } else if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
      found.add(memoryMbOutOfRange());
    }
    if (peak != null && (peak.signum() <= 0 || peak.compareTo(MAX_PEAK_REQUESTS_PER_SECOND) > 0)) {
      found.add(
          new FieldViolation(
              "peakRequestsPerSecond",
              "must be greater than 0 and at most " + MAX_PEAK_REQUESTS_PER_SECOND));
    }
    return found;
  }

  /**
   * memoryMb outside its range. Public because a reader that meets a number beyond any {@code int}
   * reports it in the same words: to the client it is the same mistake.
   */
  public static FieldViolation memoryMbOutOfRange() {
    return new FieldViolation(
        "memoryMb", "must be between " + MIN_MEMORY_MB + " and " + MAX_MEMORY_MB);
  }

  private static List<FieldViolation> violations(
      long requestsPerMonth, BigDecimal avgDurationMs, int memoryMb, BigDecimal peak) {
    return violations(
        Long.valueOf(requestsPerMonth), avgDurationMs, Integer.valueOf(memoryMb), peak);
  }
}
