package com.example.inframodels.lambda;

import java.util.List;
import java.util.Locale;

/**
 * What a failed image pull means, read from the engine's message, which carries the registry's
 * answer or the network's error. Only a registry that could not be reached at all is {@link
 * #REGISTRY_UNREACHABLE}, the one cause a test may skip for; every other cause is a failure to
 * report, in CI too.
 *
 * <p>The engines word it alike. Docker renders a registry's error body as {@code code: message}
 * with the code lower-cased ({@code toomanyrequests: You have reached your pull rate limit...},
 * {@code manifest unknown}, {@code unauthorized}, {@code denied: requested access to the resource
 * is denied}; docker/distribution's {@code errcode}); podman (containers/image) does the same, or
 * gives the message alone, and words a bare status as {@code StatusCode: 429, "..."}, {@code too
 * many requests to registry} or {@code invalid status code from registry 503 (Service
 * Unavailable)}. Both report network errors as Go formats them: {@code Get "URL": dial tcp ADDRESS:
 * ERROR} when the connection could not be made (DNS, refused, unroutable, no answer to the
 * connect), {@code read tcp LOCAL->REMOTE: i/o timeout} when a connected registry stalls.
 *
 * <p>So {@code dial tcp} is the sign of an unreachable registry, and the only one: Go writes an
 * operation's name first ({@code net.OpError}), and a dial error cannot hold an HTTP answer. An
 * {@code i/o timeout} counts only in a dial ({@code dial tcp 1.2.3.4:443: i/o timeout}: no host
 * answered the connect, which a slow registry's kernel still would); a read timeout, {@code TLS
 * handshake timeout}, {@code Client.Timeout exceeded while awaiting headers}, a certificate error
 * or a 5xx all mean something answered, and fail. The registry's own answers are looked for first,
 * so a message that also holds a dial error (a mirror that failed before the registry answered) is
 * read by the answer.
 */
enum PullFailure {
  RATE_LIMITED(
      "the registry limits pulls (log the engine in to it, or use a mirror)",
      "toomanyrequests",
      "too many requests",
      "rate limit",
      "status 429",
      "statuscode: 429"),
  IMAGE_NOT_FOUND(
      "the registry has no such image, or none for this platform (a mistyped -Dlocalstack.image,"
          + " -Dlambda.runtime.image or LAMBDA_RUNTIME_IMAGE_MAPPING?)",
      "manifest unknown",
      "name unknown",
      "not found",
      "repository does not exist",
      "no matching manifest",
      "no image found in manifest list",
      "status 404",
      "statuscode: 404"),
  ACCESS_REFUSED(
      "the registry refused access (log the engine in to it; LOCALSTACK_AUTH_TOKEN is"
          + " LocalStack's, not the registry's)",
      "unauthorized",
      "authentication required",
      "invalid username/password",
      "no basic auth credentials",
      "access denied",
      "denied:",
      "requested access to the resource is denied",
      "status 401",
      "status 403",
      "statuscode: 401",
      "statuscode: 403"),
  REGISTRY_UNREACHABLE("no container registry reachable", "dial tcp"),
  UNEXPLAINED(
      "the registry or the network answered in a way not recognised here (not an unreachable"
          + " registry)");

  final String meaning;
  private final List<String> signs;

  PullFailure(String meaning, String... signs) {
    this.meaning = meaning;
    this.signs = List.of(signs);
  }

  /** The first cause whose signs the message shows: the registry's answers before the dial. */
  static PullFailure of(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    for (PullFailure failure : values()) {
      if (failure.signs.stream().anyMatch(lower::contains)) {
        return failure;
      }
    }
    return UNEXPLAINED;
  }
}
