package com.example.inframodels.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engines' own wording. podman's first message is what podman 4.3.1 answered on a machine
 * without a registry; the others follow the sources that write them: Go's net ({@code net.OpError}:
 * {@code dial tcp ADDRESS: ERROR}, {@code read tcp LOCAL->REMOTE: ERROR}, {@code i/o timeout}) and
 * net/http ({@code Get "URL": ...}, {@code net/http: TLS handshake timeout}, {@code Client.Timeout
 * exceeded while awaiting headers}); docker/distribution's {@code errcode} ({@code toomanyrequests:
 * ...}, {@code manifest unknown}, {@code denied: ...}); containers/image's {@code docker/errors.go}
 * and {@code docker/docker_client.go} ({@code pinging container registry}, {@code reading
 * manifest}, {@code StatusCode: 429}, {@code too many requests to registry}, {@code invalid status
 * code from registry}); Docker's daemon and Docker Hub ({@code manifest for ... not found}, {@code
 * pull access denied for ...}, {@code no matching manifest for ...}), as docker-java's exceptions
 * carry them ({@code Status 500: {"message":...}}).
 */
class PullFailureTest {

  static Stream<Arguments> engineMessages() {
    return Stream.of(
        // A registry that cannot be reached: the connection was never made.
        Arguments.of(
            "initializing source docker://localstack/localstack:4.14.0: pinging container registry"
                + " registry-1.docker.io: Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup"
                + " registry-1.docker.io on 10.255.255.53:53: no such host",
            PullFailure.REGISTRY_UNREACHABLE),
        Arguments.of(
            "InternalServerErrorException: Status 500: {\"message\":\"Get"
                + " \\\"https://public.ecr.aws/v2/\\\": dial tcp: lookup public.ecr.aws:"
                + " Temporary failure in name resolution\"}",
            PullFailure.REGISTRY_UNREACHABLE),
        Arguments.of(
            "Get \"https://registry-1.docker.io/v2/\": dial tcp 54.227.20.253:443: i/o timeout",
            PullFailure.REGISTRY_UNREACHABLE),
        Arguments.of(
            "Get \"https://registry-1.docker.io/v2/\": dial tcp 54.227.20.253:443: connect:"
                + " network is unreachable",
            PullFailure.REGISTRY_UNREACHABLE),
        Arguments.of(
            "Get \"https://registry-1.docker.io/v2/\": proxyconnect tcp: dial tcp 10.0.0.1:3128:"
                + " connect: connection refused",
            PullFailure.REGISTRY_UNREACHABLE),
        // A sandbox that forbids the connect is still a network that reaches no registry.
        Arguments.of(
            "Get \"https://public.ecr.aws/v2/\": dial tcp 99.83.145.10:443: connect: permission"
                + " denied",
            PullFailure.REGISTRY_UNREACHABLE),
        // Something answered, if slowly or badly: not a machine without a registry.
        Arguments.of(
            "Get \"https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/"
                + "sha256/4f/4f4f/data\": read tcp 172.17.0.2:50414->104.16.101.215:443: i/o timeout",
            PullFailure.UNEXPLAINED),
        Arguments.of(
            "Get \"https://registry-1.docker.io/v2/\": net/http: TLS handshake timeout",
            PullFailure.UNEXPLAINED),
        Arguments.of(
            "Get \"https://registry-1.docker.io/v2/\": net/http: request canceled while waiting for"
                + " connection (Client.Timeout exceeded while awaiting headers)",
            PullFailure.UNEXPLAINED),
        Arguments.of(
            "Get \"https://mirror.example/v2/\": tls: failed to verify certificate: x509:"
                + " certificate signed by unknown authority",
            PullFailure.UNEXPLAINED),
        Arguments.of(
            "InternalServerErrorException: Status 500: {\"message\":\"received unexpected HTTP"
                + " status: 503 Service Unavailable\"}",
            PullFailure.UNEXPLAINED),
        Arguments.of(
            "initializing source docker://public.ecr.aws/lambda/java:21: reading manifest 21 in"
                + " public.ecr.aws/lambda/java: invalid status code from registry 502 (Bad Gateway)",
            PullFailure.UNEXPLAINED),
        Arguments.of("the pull did not finish within 5 minutes", PullFailure.UNEXPLAINED),
        // Rate limits, from Docker Hub and from ECR Public, in either engine's words.
        Arguments.of(
            "toomanyrequests: You have reached your pull rate limit. You may increase the limit by"
                + " authenticating and upgrading: https://www.docker.com/increase-rate-limit",
            PullFailure.RATE_LIMITED),
        Arguments.of(
            "initializing source docker://localstack/localstack:4.14.0: reading manifest 4.14.0 in"
                + " docker.io/localstack/localstack: toomanyrequests: You have reached your pull"
                + " rate limit. You may increase the limit by authenticating and upgrading:"
                + " https://www.docker.com/increase-rate-limit",
            PullFailure.RATE_LIMITED),
        Arguments.of(
            "initializing source docker://public.ecr.aws/lambda/java:21: reading manifest 21 in"
                + " public.ecr.aws/lambda/java: toomanyrequests: Rate exceeded",
            PullFailure.RATE_LIMITED),
        Arguments.of(
            "initializing source docker://public.ecr.aws/lambda/java:21: pinging container registry"
                + " public.ecr.aws: StatusCode: 429, \"\"",
            PullFailure.RATE_LIMITED),
        Arguments.of(
            "initializing source docker://localstack/localstack:4.14.0: too many requests to"
                + " registry",
            PullFailure.RATE_LIMITED),
        // A mirror that could not be dialled, then the registry's own refusal: read by the answer.
        Arguments.of(
            "initializing source docker://localstack/localstack:4.14.0: (Mirrors also failed:"
                + " [mirror.example/localstack/localstack:4.14.0: pinging container registry"
                + " mirror.example: Get \"https://mirror.example/v2/\": dial tcp: lookup"
                + " mirror.example: no such host]): docker.io/localstack/localstack:4.14.0: reading"
                + " manifest 4.14.0 in docker.io/localstack/localstack: toomanyrequests: You have"
                + " reached your pull rate limit.",
            PullFailure.RATE_LIMITED),
        // No such image, or none for the function's platform.
        Arguments.of(
            "NotFoundException: Status 404: {\"message\":\"manifest for localstack/localstack:4.99.0"
                + " not found: manifest unknown: manifest unknown\"}",
            PullFailure.IMAGE_NOT_FOUND),
        Arguments.of(
            "pull access denied for localstak/localstack, repository does not exist or may require"
                + " 'docker login': denied: requested access to the resource is denied",
            PullFailure.IMAGE_NOT_FOUND),
        Arguments.of(
            "initializing source docker://public.ecr.aws/lambda/java:99: reading manifest 99 in"
                + " public.ecr.aws/lambda/java: manifest unknown",
            PullFailure.IMAGE_NOT_FOUND),
        Arguments.of(
            "no matching manifest for linux/arm64/v8 in the manifest list entries",
            PullFailure.IMAGE_NOT_FOUND),
        // Refused access.
        Arguments.of(
            "initializing source docker://ghcr.io/example/lambda-java:21: reading manifest 21 in"
                + " ghcr.io/example/lambda-java: unauthorized",
            PullFailure.ACCESS_REFUSED),
        Arguments.of(
            "initializing source docker://registry.example/lambda/java:21: unable to retrieve auth"
                + " token: invalid username/password: unauthorized: authentication required",
            PullFailure.ACCESS_REFUSED),
        Arguments.of(
            "denied: Your authorization token has expired. Reauthenticate and try again.",
            PullFailure.ACCESS_REFUSED));
  }

  @ParameterizedTest
  @MethodSource("engineMessages")
  void readsWhatTheEngineSaid(String message, PullFailure expected) {
    PullFailure failure = PullFailure.of(message);

    assertThat(failure).as(message).isEqualTo(expected);
  }
}
