package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.convert.DurationStyle;
import org.w3c.dom.NodeList;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Holds the manifests in {@code k8s/} to the image Jib builds and the settings the application
 * ships with, so that neither can change without the other. Runs without a cluster.
 */
class KubernetesManifestsTest {

  // Surefire runs in the module directory.
  private static final Path MODULE = Path.of("");
  private static final Path MANIFESTS = MODULE.resolve("k8s");

  /** Beside the model, not in its kustomization: a cluster without the operator lacks the kind. */
  private static final Path PROMETHEUS_OPERATOR = MANIFESTS.resolve("prometheus-operator");

  private static final String APP_LABEL = "app.kubernetes.io/name";

  // fabric8 keeps unknown fields in additionalProperties; a misspelt field must fail instead.
  private static final ObjectMapper STRICT_YAML =
      YAMLMapper.builder()
          .annotationIntrospector(
              new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
                  return false;
                }
              })
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  @Nested
  class Parsing {

    static Stream<Arguments> manifests() {
      return Stream.of(
          Arguments.of("deployment.yaml", Deployment.class, "apps/v1", "Deployment"),
          Arguments.of("service.yaml", Service.class, "v1", "Service"),
          Arguments.of(
              "hpa.yaml",
              HorizontalPodAutoscaler.class,
              "autoscaling/v2",
              "HorizontalPodAutoscaler"),
          Arguments.of("pdb.yaml", PodDisruptionBudget.class, "policy/v1", "PodDisruptionBudget"));
    }

    @ParameterizedTest(name = "{0} is a {2} {3}")
    @MethodSource("manifests")
    void parsesIntoTheExpectedKindWithOnlyKnownFields(
        String file, Class<?> type, String apiVersion, String kind) {

      KubernetesResource resource =
          STRICT_YAML.readValue(MANIFESTS.resolve(file).toFile(), KubernetesResource.class);

      assertThat(resource)
          .as("fabric8 picks the model class from apiVersion and kind")
          .isInstanceOf(type)
          .hasFieldOrPropertyWithValue("apiVersion", apiVersion)
          .hasFieldOrPropertyWithValue("kind", kind);
    }

    @Test
    void kustomizationListsEveryManifestInTheDirectory() throws IOException {
      List<String> manifestFiles;
      try (Stream<Path> files = Files.list(MANIFESTS)) {
        manifestFiles =
            files
                .map(path -> path.getFileName().toString())
                .filter(name -> name.endsWith(".yaml"))
                .filter(name -> !name.equals("kustomization.yaml"))
                .toList();
      }

      JsonNode kustomization =
          STRICT_YAML.readTree(MANIFESTS.resolve("kustomization.yaml").toFile());
      List<String> resources = new ArrayList<>();
      kustomization.get("resources").forEach(node -> resources.add(node.asString()));

      assertThat(resources)
          .as("`kubectl apply -k` must apply every manifest that this test checks")
          .containsExactlyInAnyOrderElementsOf(manifestFiles);
    }

    @Test
    void keepsThePodMonitorInAKustomizationOfItsOwn() {
      JsonNode kustomization =
          STRICT_YAML.readTree(PROMETHEUS_OPERATOR.resolve("kustomization.yaml").toFile());
      List<String> resources = new ArrayList<>();
      kustomization.get("resources").forEach(node -> resources.add(node.asString()));

      assertThat(resources)
          .as("applied only where the Prometheus Operator's CRDs are installed")
          .containsExactly("podmonitor.yaml");
    }
  }

  @Nested
  class TheContainer {

    private final Container container = advisorContainer(deployment());

    @Test
    void runsTheImageJibBuilds() {
      String expected =
          requiredProperty("container.image") + ":" + requiredProperty("project.version");

      String image = container.getImage();

      assertThat(image).as("${container.image}:${project.version} in the pom").isEqualTo(expected);
    }

    @Test
    void exposesThePortsJibDeclaresAndSpringListensOn() throws Exception {
      List<String> jibPorts = jibPorts();
      Properties app = applicationProperties();

      List<ContainerPort> ports = container.getPorts();

      assertThat(ports)
          .extracting(ContainerPort::getName, port -> String.valueOf(port.getContainerPort()))
          .as("server.port and advisor.metrics.port in application.properties")
          .containsExactlyInAnyOrder(
              tuple("http", app.getProperty("server.port")),
              tuple("metrics", app.getProperty("advisor.metrics.port")));
      assertThat(ports).extracting(ContainerPort::getProtocol).containsOnly("TCP");
      assertThat(jibPorts)
          .as("<ports> of the Jib configuration in the pom")
          .containsExactlyInAnyOrderElementsOf(
              ports.stream().map(port -> String.valueOf(port.getContainerPort())).toList());
    }

    @Test
    void tellsPrometheusWhereToScrapeTheMetricsPort() {
      Map<String, String> annotations =
          deployment().getSpec().getTemplate().getMetadata().getAnnotations();

      assertThat(annotations)
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/path", "/metrics")
          .containsEntry("prometheus.io/port", String.valueOf(containerPort("metrics")));
    }

    @Test
    void probesSpringBootsHealthGroupsOnTheNamedPort() throws IOException {
      Properties app = applicationProperties();
      String base = app.getProperty("management.endpoints.web.base-path", "/actuator");

      Probe startup = container.getStartupProbe();
      Probe liveness = container.getLivenessProbe();
      Probe readiness = container.getReadinessProbe();

      assertThat(app.getProperty("management.endpoint.health.probes.enabled"))
          .as("Spring Boot serves the liveness and readiness groups")
          .isEqualTo("true");
      assertThat(app.getProperty("management.server.port"))
          .as("the actuator listens on the application's port, the one the probes name")
          .isNull();
      assertHttpGet(startup, base + "/health/liveness");
      assertHttpGet(liveness, base + "/health/liveness");
      assertHttpGet(readiness, base + "/health/readiness");
    }

    @Test
    void isThePodsOnlyContainer() {
      PodSpec pod = deployment().getSpec().getTemplate().getSpec();

      assertThat(pod.getContainers())
          .as("a second container would escape every check made here")
          .hasSize(1);
      assertThat(pod.getInitContainers()).isNullOrEmpty();
    }

    @Test
    void startupProbeWaitsAtLeastAMinuteForTheJvm() {
      Probe startup = container.getStartupProbe();

      int secondsBeforeRestart = startup.getPeriodSeconds() * startup.getFailureThreshold();

      assertThat(secondsBeforeRestart)
          .as("the JVM starts in ~5 s on 2 cores, much slower on a busy node")
          .isGreaterThanOrEqualTo(60);
    }

    @Test
    void requestsCpuAndMemoryAndLimitsMemoryOnly() {
      Map<String, Quantity> requests = container.getResources().getRequests();
      Map<String, Quantity> limits = container.getResources().getLimits();

      assertThat(requests).as("the HPA's utilisation is relative to it").containsKey("cpu");
      assertThat(limits)
          .as(
              "the JVM heap is 75 % of the memory limit; no CPU limit, so start-up is not throttled")
          .containsOnlyKeys("memory");
      assertThat(Quantity.getAmountInBytes(limits.get("memory")))
          .as("memory equal to the request is never overcommitted")
          .isEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
    }

    /**
     * The heap at its largest (the image's -XX:MaxRAMPercentage of the limit) plus what the image
     * to run measurably keeps resident outside the heap after warm-up (the largest of the
     * benchmark's fresh starts: resident memory minus the committed heap, in bench/results.txt)
     * fits the limit.
     */
    @Test
    void heapAtItsLargestPlusTheMeasuredRestFitsTheMemoryLimit() throws Exception {
      BigDecimal memoryLimit =
          Quantity.getAmountInBytes(container.getResources().getLimits().get("memory"));
      BigDecimal heapPercent = new BigDecimal(jibJvmFlag("-XX:MaxRAMPercentage="));
      BigDecimal largestHeap = memoryLimit.multiply(heapPercent).movePointLeft(2);
      BenchResults.Median measured = BenchResults.read().median("container-cds");
      BigDecimal outsideTheHeap = BigDecimal.valueOf(measured.maxOutsideHeapMb() * 1024L * 1024L);

      assertThat(largestHeap.add(outsideTheHeap))
          .as(
              "a %s %% heap of %s bytes plus %s MB measured outside it",
              heapPercent, memoryLimit, measured.maxOutsideHeapMb())
          .isLessThanOrEqualTo(memoryLimit);
    }

    private void assertHttpGet(Probe probe, String path) {
      HTTPGetAction httpGet = probe.getHttpGet();
      assertThat(httpGet.getPath()).isEqualTo(path);
      assertThat(httpGet.getScheme()).as("the service speaks plain HTTP").isIn(null, "HTTP");
      assertThat(httpGet.getPort())
          .as("probes follow the named container port")
          .isEqualTo(new IntOrString("http"));
    }
  }

  @Nested
  class Security {

    private final PodSpec pod = deployment().getSpec().getTemplate().getSpec();

    @Test
    void runsAsTheImagesNonRootUser() {
      long uid = Long.parseLong(requiredProperty("container.uid"));

      PodSecurityContext context = pod.getSecurityContext();

      assertThat(context.getRunAsNonRoot()).isTrue();
      assertThat(context.getRunAsUser()).as("<user> of the Jib configuration").isEqualTo(uid);
      assertThat(context.getRunAsGroup()).isEqualTo(uid);
      assertThat(context.getFsGroup()).as("so /tmp is writable by the user").isEqualTo(uid);
      assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    }

    @Test
    void cannotWriteTheImageOrGainPrivileges() {
      long uid = Long.parseLong(requiredProperty("container.uid"));
      SecurityContext context = advisorContainer(deployment()).getSecurityContext();

      assertThat(context.getRunAsUser())
          .as("a container-level user would override the pod's")
          .isIn(null, uid);
      assertThat(context.getRunAsNonRoot()).isIn(null, true);
      assertThat(context.getPrivileged()).isIn(null, false);
      assertThat(context.getReadOnlyRootFilesystem()).isTrue();
      assertThat(context.getAllowPrivilegeEscalation()).isFalse();
      assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
    }

    @Test
    void givesTomcatAndTheJvmAWritableTmpfsAtTmp() throws IOException {
      String tomcatBasedir = applicationProperties().getProperty("server.tomcat.basedir");

      VolumeMount tmp = mountAt(advisorContainer(deployment()), "/tmp");
      Volume volume =
          pod.getVolumes().stream()
              .filter(candidate -> candidate.getName().equals(tmp.getName()))
              .findFirst()
              .orElseThrow();

      assertThat(tmp.getReadOnly()).isNotEqualTo(Boolean.TRUE);
      assertThat(tomcatBasedir).as("server.tomcat.basedir").startsWith(tmp.getMountPath() + "/");
      assertThat(volume.getEmptyDir()).as("scratch space that dies with the pod").isNotNull();
      assertThat(volume.getEmptyDir().getMedium()).isEqualTo("Memory");
      assertThat(volume.getEmptyDir().getSizeLimit())
          .as("a tmpfs counts against the memory limit, so it is capped")
          .isNotNull();
    }

    /**
     * The cap deployment.yaml states: half of what the heap leaves of the memory limit, the other
     * half being the JVM's own memory outside the heap. The heap's share is the image's
     * -XX:MaxRAMPercentage, read from Jib's jvmFlags in the pom.
     */
    @Test
    void capsTmpAtHalfOfWhatTheHeapLeavesOfTheMemoryLimit() throws Exception {
      Quantity sizeLimit =
          pod.getVolumes().stream()
              .filter(
                  volume ->
                      volume
                          .getName()
                          .equals(mountAt(advisorContainer(deployment()), "/tmp").getName()))
              .findFirst()
              .orElseThrow()
              .getEmptyDir()
              .getSizeLimit();
      BigDecimal memoryLimit =
          Quantity.getAmountInBytes(
              advisorContainer(deployment()).getResources().getLimits().get("memory"));
      BigDecimal heapPercent = new BigDecimal(jibJvmFlag("-XX:MaxRAMPercentage="));
      BigDecimal leftByTheHeap =
          memoryLimit.multiply(BigDecimal.valueOf(100).subtract(heapPercent)).movePointLeft(2);

      assertThat(Quantity.getAmountInBytes(sizeLimit))
          .as(
              "sizeLimit %s of a %s memory limit with a %s %% heap",
              sizeLimit, memoryLimit, heapPercent)
          .isPositive()
          .isEqualByComparingTo(leftByTheHeap.divide(BigDecimal.valueOf(2)));
    }

    private VolumeMount mountAt(Container container, String path) {
      return container.getVolumeMounts().stream()
          .filter(mount -> mount.getMountPath().equals(path))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no volume mounted at " + path));
    }
  }

  @Nested
  class Shutdown {

    private final PodSpec pod = deployment().getSpec().getTemplate().getSpec();

    @Test
    void gracePeriodOutlastsThePreStopPauseAndSpringsDrain() throws IOException {
      Duration drain =
          DurationStyle.detectAndParse(
              applicationProperties().getProperty("spring.lifecycle.timeout-per-shutdown-phase"));
      Duration preStop = preStopSleep(advisorContainer(deployment()));

      Duration grace = Duration.ofSeconds(pod.getTerminationGracePeriodSeconds());

      assertThat(grace)
          .as("the kubelet SIGKILLs at the end of the grace period, preStop included")
          .isGreaterThan(preStop.plus(drain));
    }

    @Test
    void preStopNeedsNoShellInTheImage() {
      Container container = advisorContainer(deployment());

      var preStop = container.getLifecycle().getPreStop();

      assertThat(preStop.getExec()).as("a JRE-only image has no `sleep` binary").isNull();
      assertThat(preStop.getSleep()).isNotNull();
    }

    private Duration preStopSleep(Container container) {
      if (container.getLifecycle() == null
          || container.getLifecycle().getPreStop() == null
          || container.getLifecycle().getPreStop().getSleep() == null) {
        return Duration.ZERO;
      }
      return Duration.ofSeconds(container.getLifecycle().getPreStop().getSleep().getSeconds());
    }
  }

  @Nested
  class Routing {

    @Test
    void serviceTargetsTheNamedContainerPort() {
      List<String> portNames =
          advisorContainer(deployment()).getPorts().stream().map(ContainerPort::getName).toList();

      Service service = read("service.yaml", Service.class);

      assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
      assertThat(service.getSpec().getPorts())
          .singleElement()
          .satisfies(
              port -> {
                assertThat(port.getPort()).isEqualTo(80);
                assertThat(port.getTargetPort().getStrVal())
                    .as("by name, so the number lives in deployment.yaml alone")
                    .isIn(portNames);
              });
    }
  }

  @Nested
  class Scaling {

    @Test
    void hpaScalesTheDeploymentOnCpu() {
      Deployment deployment = deployment();

      HorizontalPodAutoscaler hpa = read("hpa.yaml", HorizontalPodAutoscaler.class);

      var target = hpa.getSpec().getScaleTargetRef();
      assertThat(target.getKind()).isEqualTo(deployment.getKind());
      assertThat(target.getApiVersion()).isEqualTo(deployment.getApiVersion());
      assertThat(target.getName()).isEqualTo(deployment.getMetadata().getName());
      assertThat(hpa.getSpec().getMetrics())
          .singleElement()
          .extracting(MetricSpec::getResource)
          .satisfies(
              resource -> {
                assertThat(resource.getName()).isEqualTo("cpu");
                assertThat(resource.getTarget().getType()).isEqualTo("Utilization");
                assertThat(resource.getTarget().getAverageUtilization()).isEqualTo(70);
              });
    }

    @Test
    void keepsTwoPodsAndLetsADrainEvictOne() {
      int replicas = deployment().getSpec().getReplicas();
      HorizontalPodAutoscaler hpa = read("hpa.yaml", HorizontalPodAutoscaler.class);

      PodDisruptionBudget pdb = read("pdb.yaml", PodDisruptionBudget.class);

      int minReplicas = hpa.getSpec().getMinReplicas();
      assertThat(minReplicas)
          .as("one pod lost must not mean the service lost")
          .isGreaterThanOrEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(minReplicas);
      assertThat(replicas)
          .as("re-applying the Deployment must not undercut the HPA")
          .isGreaterThanOrEqualTo(minReplicas);
      assertThat(pdb.getSpec().getMinAvailable().getIntVal())
          .as("below minReplicas, or no node could ever be drained")
          .isPositive()
          .isLessThan(minReplicas);
    }

    @Test
    void rollsOutWithoutLosingCapacity() {
      var rollingUpdate = deployment().getSpec().getStrategy().getRollingUpdate();

      assertThat(rollingUpdate.getMaxUnavailable()).isEqualTo(new IntOrString(0));
      assertThat(rollingUpdate.getMaxSurge())
          .as("with nothing unavailable, a rollout needs a surge to make progress")
          .isNotEqualTo(new IntOrString(0));
    }
  }

  @Nested
  class Namespaces {

    @Test
    void allManifestsShareOneNamespace() {
      List<String> namespaces =
          List.of(
                  deployment().getMetadata(),
                  read("service.yaml", Service.class).getMetadata(),
                  read("hpa.yaml", HorizontalPodAutoscaler.class).getMetadata(),
                  read("pdb.yaml", PodDisruptionBudget.class).getMetadata())
              .stream()
              .map(meta -> String.valueOf(meta.getNamespace()))
              .collect(Collectors.toCollection(ArrayList::new));
      namespaces.add(
          String.valueOf(networkPolicy().path("metadata").path("namespace").asString(null)));
      namespaces = namespaces.stream().distinct().toList();

      assertThat(namespaces)
          .as("the Service, HPA and PDB only see a Deployment in their own namespace")
          .hasSize(1);
    }
  }

  @Nested
  class Selectors {

    private final Deployment deployment = deployment();
    private final Map<String, String> podLabels =
        deployment.getSpec().getTemplate().getMetadata().getLabels();

    @Test
    void deploymentSelectsItsOwnPods() {
      assertSelects(deployment.getSpec().getSelector());
    }

    @Test
    void serviceSelectsTheDeploymentsPods() {
      Map<String, String> selector = read("service.yaml", Service.class).getSpec().getSelector();

      assertThat(selector).containsEntry(APP_LABEL, "infra-advisor");
      assertThat(podLabels).containsAllEntriesOf(selector);
    }

    @Test
    void pdbProtectsTheDeploymentsPods() {
      PodDisruptionBudget pdb = read("pdb.yaml", PodDisruptionBudget.class);

      assertSelects(pdb.getSpec().getSelector());
    }

    /**
     * Read as a tree: fabric8's networking model is not among this module's test dependencies, so
     * the fields checked here are checked by name.
     */
    @Test
    void networkPolicyLetsInTheHttpPortAndTheMetricsPortFromMonitoringOnlyAndLetsNothingOut() {
      JsonNode policy = networkPolicy();
      JsonNode spec = policy.path("spec");
      Map<String, String> selector = matchLabels(spec.path("podSelector"));
      Map<String, String> sourceOfPort = new HashMap<>();
      spec.path("ingress")
          .forEach(
              rule ->
                  rule.path("ports")
                      .forEach(
                          port ->
                              sourceOfPort.put(
                                  port.path("port").asString(),
                                  rule.has("from") ? rule.get("from").toString() : "anywhere")));

      assertThat(policy.path("apiVersion").asString()).isEqualTo("networking.k8s.io/v1");
      assertThat(policy.path("kind").asString()).isEqualTo("NetworkPolicy");
      assertThat(selector).containsEntry(APP_LABEL, "infra-advisor");
      assertThat(podLabels).containsAllEntriesOf(selector);
      assertThat(sourceOfPort)
          .as("the container's named ports, and nothing else")
          .containsOnlyKeys(
              advisorContainer(deployment).getPorts().stream()
                  .map(ContainerPort::getName)
                  .toList());
      assertThat(sourceOfPort.get("http"))
          .as("the API from anywhere: the Service, an ingress controller")
          .isEqualTo("anywhere");
      assertThat(sourceOfPort.get("metrics"))
          .as("the scrape from the monitoring namespace alone")
          .isEqualTo(
              "[{\"namespaceSelector\":{\"matchLabels\":"
                  + "{\"kubernetes.io/metadata.name\":\"monitoring\"}}}]");
      List<String> policyTypes = new ArrayList<>();
      spec.path("policyTypes").forEach(type -> policyTypes.add(type.asString()));
      assertThat(policyTypes).containsExactlyInAnyOrder("Ingress", "Egress");
      assertThat(spec.has("egress")).as("the advisor calls nothing: no egress rule").isFalse();
    }

    @Test
    void podMonitorScrapesTheMetricsPortOfTheDeploymentsPods() {
      JsonNode monitor =
          STRICT_YAML.readTree(PROMETHEUS_OPERATOR.resolve("podmonitor.yaml").toFile());
      Map<String, String> monitorSelector = matchLabels(monitor.path("spec").path("selector"));
      JsonNode endpoints = monitor.path("spec").path("podMetricsEndpoints");

      assertThat(monitor.path("apiVersion").asString()).isEqualTo("monitoring.coreos.com/v1");
      assertThat(monitor.path("kind").asString()).isEqualTo("PodMonitor");
      assertThat(monitorSelector).containsEntry(APP_LABEL, "infra-advisor");
      assertThat(podLabels).containsAllEntriesOf(monitorSelector);
      assertThat(endpoints).hasSize(1);
      assertThat(endpoints.get(0).path("port").asString())
          .as("the container port by name")
          .isEqualTo("metrics");
      assertThat(endpoints.get(0).path("path").asString())
          .isEqualTo(
              deployment
                  .getSpec()
                  .getTemplate()
                  .getMetadata()
                  .getAnnotations()
                  .get("prometheus.io/path"));
    }

    @Test
    void topologySpreadCountsTheDeploymentsPods() {
      List<TopologySpreadConstraint> constraints =
          deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();

      assertThat(constraints).isNotEmpty();
      constraints.forEach(constraint -> assertSelects(constraint.getLabelSelector()));
    }

    private void assertSelects(LabelSelector selector) {
      assertThat(selector.getMatchExpressions())
          .as("only matchLabels are checked here")
          .isNullOrEmpty();
      assertThat(selector.getMatchLabels()).contains(entry(APP_LABEL, "infra-advisor"));
      assertThat(podLabels)
          .as("the pod template's labels")
          .containsAllEntriesOf(selector.getMatchLabels());
    }
  }

  /** A label selector's {@code matchLabels}, from a manifest read as a tree. */
  private static Map<String, String> matchLabels(JsonNode selector) {
    Map<String, String> labels = new HashMap<>();
    selector
        .path("matchLabels")
        .properties()
        .forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
    return labels;
  }

  /** The number of the advisor container's port named {@code name}. */
  private static int containerPort(String name) {
    return advisorContainer(deployment()).getPorts().stream()
        .filter(port -> name.equals(port.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + name))
        .getContainerPort();
  }

  private static JsonNode networkPolicy() {
    return STRICT_YAML.readTree(MANIFESTS.resolve("networkpolicy.yaml").toFile());
  }

  private static Deployment deployment() {
    return read("deployment.yaml", Deployment.class);
  }

  private static Container advisorContainer(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(container -> container.getName().equals("infra-advisor"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container named infra-advisor"));
  }

  private static <T> T read(String file, Class<T> type) {
    return STRICT_YAML.readValue(MANIFESTS.resolve(file).toFile(), type);
  }

  private static Properties applicationProperties() throws IOException {
    Properties properties = new Properties();
    try (Reader reader =
        Files.newBufferedReader(MODULE.resolve("src/main/resources/application.properties"))) {
      properties.load(reader);
    }
    return properties;
  }

  private static List<String> jibPorts() throws Exception {
    return jibContainerList("ports/port");
  }

  /** The value of the Jib jvmFlag that starts with {@code prefix}, from the pom. */
  private static String jibJvmFlag(String prefix) throws Exception {
    return jibContainerList("jvmFlags/jvmFlag").stream()
        .filter(flag -> flag.startsWith(prefix))
        .map(flag -> flag.substring(prefix.length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Jib jvmFlag " + prefix + " in pom.xml"));
  }

  /** The texts of the elements at {@code path} under Jib's {@code <container>}, from the pom. */
  private static List<String> jibContainerList(String path) throws Exception {
    var pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(MODULE.resolve("pom.xml").toFile());
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                    "/project/build/plugins/plugin[artifactId='jib-maven-plugin']"
                        + "/configuration/container/"
                        + path,
                    pom,
                    XPathConstants.NODESET);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent().trim());
    }
    return values;
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    assertThat(value)
        .as("system property %s, set by Surefire from the pom; run through Maven", name)
        .isNotBlank();
    return value;
  }
}
