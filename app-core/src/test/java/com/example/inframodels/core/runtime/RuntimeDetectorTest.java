package com.example.inframodels.core.runtime;

import static com.example.inframodels.core.InfrastructureModel.BARE_METAL;
import static com.example.inframodels.core.InfrastructureModel.CONTAINER;
import static com.example.inframodels.core.InfrastructureModel.SERVERLESS;
import static com.example.inframodels.core.InfrastructureModel.VIRTUAL_MACHINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeDetectorTest {

  private static final String CPUINFO_VM =
      "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr hypervisor lahf_lm\n";
  private static final String CPUINFO_METAL =
      "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr lahf_lm\n";

  private static RuntimeReport detect(FakeSystem system) {
    return new RuntimeDetector(system, new StartupClock()).detect();
  }

  @Nested
  class Serverless {
    @Test
    void recognisesLambdaByItsEnvironment() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .env("AWS_LAMBDA_FUNCTION_NAME", "advisor")
                  .env("AWS_EXECUTION_ENV", "AWS_Lambda_java21")
                  .env("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")
                  .file("/proc/cpuinfo", CPUINFO_VM));

      assertThat(report.model()).isEqualTo(SERVERLESS);
      assertThat(report.evidence())
          .contains(
              "env AWS_LAMBDA_FUNCTION_NAME=advisor", "env AWS_EXECUTION_ENV=AWS_Lambda_java21");
      assertThat(report.supervisor()).isEqualTo("lambda");
    }

    @Test
    void ignoresAnExecutionEnvironmentThatIsNotLambda() {
      RuntimeReport report = detect(new FakeSystem().env("AWS_EXECUTION_ENV", "AWS_ECS_FARGATE"));

      assertThat(report.model()).isEqualTo(BARE_METAL);
    }
  }

  @Nested
  class Container {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"/.dockerenv", "/run/.containerenv"})
    void recognisesAContainerEngineMarkerFile(String marker) {
      RuntimeReport report =
          detect(new FakeSystem().file(marker, "").file("/proc/cpuinfo", CPUINFO_VM));

      assertThat(report.model()).isEqualTo(CONTAINER);
      assertThat(report.evidence()).containsExactly("file " + marker + " exists");
    }

    @Test
    void recognisesKubernetesAndItsSupervision() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .env("KUBERNETES_SERVICE_HOST", "10.0.0.1")
                  .file("/proc/1/cgroup", "0::/kubepods/besteffort/pod1234/abcd\n"));

      assertThat(report.model()).isEqualTo(CONTAINER);
      assertThat(report.evidence())
          .contains(
              "env KUBERNETES_SERVICE_HOST=10.0.0.1",
              "/proc/1/cgroup: 0::/kubepods/besteffort/pod1234/abcd");
      assertThat(report.supervisor()).isEqualTo("kubernetes");
    }

    @Test
    void recognisesPodmanByItsContainerVariable() {
      RuntimeReport report = detect(new FakeSystem().env("container", "podman"));

      assertThat(report.model()).isEqualTo(CONTAINER);
    }

    @Test
    void readsTheCgroupV2MemoryLimit() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .file("/run/.containerenv", "")
                  .file("/sys/fs/cgroup/memory.max", "536870912\n"));

      assertThat(report.memoryLimitBytes()).isEqualTo(536_870_912L);
    }

    @Test
    void treatsCgroupV2MaxAsNoLimit() {
      RuntimeReport report =
          detect(
              new FakeSystem().file("/.dockerenv", "").file("/sys/fs/cgroup/memory.max", "max\n"));

      assertThat(report.memoryLimitBytes()).isNull();
    }

    @Test
    void readsTheCgroupV1LimitButNotItsUnlimitedValue() {
      RuntimeReport limited =
          detect(
              new FakeSystem()
                  .file("/.dockerenv", "")
                  .file("/sys/fs/cgroup/memory/memory.limit_in_bytes", "1073741824\n"));
      RuntimeReport unlimited =
          detect(
              new FakeSystem()
                  .file("/.dockerenv", "")
                  .file("/sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n"));

      assertThat(limited.memoryLimitBytes()).isEqualTo(1_073_741_824L);
      assertThat(unlimited.memoryLimitBytes()).isNull();
    }
  }

  @Nested
  class VirtualMachine {
    @Test
    void recognisesTheHypervisorCpuFlag() {
      RuntimeReport report = detect(new FakeSystem().file("/proc/cpuinfo", CPUINFO_VM));

      assertThat(report.model()).isEqualTo(VIRTUAL_MACHINE);
      assertThat(report.evidence()).containsExactly("/proc/cpuinfo: cpu flag 'hypervisor'");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
      "QEMU, Standard PC (Q35 + ICH9 2009)",
      "innotek GmbH, VirtualBox",
      "VMware Inc., VMware Virtual Platform",
      "Microsoft Corporation, Virtual Machine",
      "Google, Google Compute Engine"
    })
    void recognisesHypervisorDmiNames(String vendor, String product) {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .file("/sys/class/dmi/id/sys_vendor", vendor + "\n")
                  .file("/sys/class/dmi/id/product_name", product + "\n")
                  .file("/proc/cpuinfo", CPUINFO_METAL));

      assertThat(report.model()).isEqualTo(VIRTUAL_MACHINE);
      assertThat(report.evidence()).anyMatch(line -> line.startsWith("/sys/class/dmi/id/"));
    }
  }

  @Nested
  class MemoryLimit {
    @Test
    void readsSystemdsMemoryMaxOnTheServicesOwnGroup() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .file("/proc/self/cgroup", "0::/system.slice/infra-advisor.service\n")
                  .file(
                      "/sys/fs/cgroup/system.slice/infra-advisor.service/memory.max",
                      "1073741824\n")
                  .file("/sys/fs/cgroup/system.slice/memory.max", "max\n"));

      assertThat(report.memoryLimitBytes()).isEqualTo(1_073_741_824L);
    }

    @Test
    void takesTheTightestLimitAmongTheAncestors() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .file("/proc/self/cgroup", "0::/machine.slice/vm/app\n")
                  .file("/sys/fs/cgroup/machine.slice/vm/app/memory.max", "max\n")
                  .file("/sys/fs/cgroup/machine.slice/vm/memory.max", "536870912\n")
                  .file("/sys/fs/cgroup/machine.slice/memory.max", "2147483648\n"));

      assertThat(report.memoryLimitBytes()).isEqualTo(536_870_912L);
    }

    @Test
    void readsCgroupV1ByTheMemoryControllersPath() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .file(
                      "/proc/self/cgroup", "9:cpu,cpuacct:/x\n4:memory:/system.slice/app.service\n")
                  .file(
                      "/sys/fs/cgroup/memory/system.slice/app.service/memory.limit_in_bytes",
                      "268435456\n"));

      assertThat(report.memoryLimitBytes()).isEqualTo(268_435_456L);
    }

    @Test
    void reportsNoneWithoutAnyLimit() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .file("/proc/self/cgroup", "0::/user.slice\n")
                  .file("/sys/fs/cgroup/user.slice/memory.max", "max\n"));

      assertThat(report.memoryLimitBytes()).isNull();
    }
  }

  @Nested
  class BareMetal {
    @Test
    void countsAPhysicalMicrosoftMachineAsBareMetal() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .file("/proc/cpuinfo", CPUINFO_METAL)
                  .file("/sys/class/dmi/id/sys_vendor", "Microsoft Corporation\n")
                  .file("/sys/class/dmi/id/product_name", "Surface Laptop 5\n"));

      assertThat(report.model()).isEqualTo(BARE_METAL);
    }

    @Test
    void isWhatRemainsWithoutAnyMarker() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .file("/proc/cpuinfo", CPUINFO_METAL)
                  .file("/sys/class/dmi/id/sys_vendor", "Dell Inc.\n")
                  .file("/sys/class/dmi/id/product_name", "PowerEdge R650\n"));

      assertThat(report.model()).isEqualTo(BARE_METAL);
      assertThat(report.evidence())
          .containsExactly(
              "no serverless, container or hypervisor marker found",
              "/sys/class/dmi/id/sys_vendor: Dell Inc.");
    }

    @Test
    void countsACloudMetalInstanceAsBareMetal() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .file("/proc/cpuinfo", CPUINFO_METAL)
                  .file("/sys/class/dmi/id/sys_vendor", "Amazon EC2\n")
                  .file("/sys/class/dmi/id/product_name", "m5.metal\n"));

      assertThat(report.model())
          .as("EC2 *.metal has no hypervisor between the OS and the CPU")
          .isEqualTo(BARE_METAL);
    }
  }

  @Nested
  class Supervisor {
    @Test
    void recognisesSystemdByTheInvocationId() {
      RuntimeReport report =
          detect(
              new FakeSystem().env("INVOCATION_ID", "0123abcd").env("JOURNAL_STREAM", "8:12345"));

      assertThat(report.supervisor()).isEqualTo("systemd");
      assertThat(report.supervisorEvidence())
          .containsExactly(
              "env INVOCATION_ID=0123abcd: started by systemd", "env JOURNAL_STREAM=8:12345");
    }

    @Test
    void reportsNoneForAProcessStartedByHand() {
      RuntimeReport report = detect(new FakeSystem());

      assertThat(report.supervisor()).isNull();
      assertThat(report.supervisorEvidence()).isEmpty();
    }
  }

  @Nested
  class Figures {
    @Test
    void reportsStartupTimeOnceReady() {
      StartupClock clock = new StartupClock();
      RuntimeDetector detector = new RuntimeDetector(new FakeSystem(), clock);
      RuntimeReport before = detector.detect();

      clock.markReady(FakeSystem.JVM_START.plus(Duration.ofMillis(1234)));
      clock.markReady(FakeSystem.JVM_START.plus(Duration.ofMillis(9999)));
      RuntimeReport after = detector.detect();

      assertThat(before.startupTimeMs()).isNull();
      assertThat(after.startupTimeMs()).as("the first mark wins").isEqualTo(1234L);
      assertThat(after.availableProcessors()).isEqualTo(2);
      assertThat(after.maxHeapBytes()).isEqualTo(256L << 20);
      assertThat(after.javaVersion()).isEqualTo("17.0.15");
    }

    @Test
    void reportsTheRealUserId() {
      RuntimeReport report =
          detect(
              new FakeSystem()
                  .file("/proc/self/status", "Name:\tjava\nUid:\t65532\t65532\t65532\t65532\n"));

      assertThat(report.uid()).isEqualTo(65532L);
    }
  }
}
