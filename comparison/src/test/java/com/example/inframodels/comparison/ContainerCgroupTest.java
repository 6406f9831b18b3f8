package com.example.inframodels.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContainerCgroupTest {

  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  @Test
  void readsTheV1MemoryControllerOnAHybridHost() {
    String procCgroup =
        """
        9:name=systemd:/libpod_parent/libpod-766d
        4:memory:/libpod_parent/libpod-766d
        1:cpu,cpuacct:/libpod_parent/libpod-766d
        0::/libpod_parent/libpod-766d
        """;

    assertThat(ContainerCgroup.usageFile(procCgroup, ROOT))
        .contains(Path.of("/sys/fs/cgroup/memory/libpod_parent/libpod-766d/memory.usage_in_bytes"));
  }

  @Test
  void readsMemoryCurrentOnAUnifiedHost() {
    String procCgroup = "0::/machine.slice/libpod-766d.scope/container\n";

    assertThat(ContainerCgroup.usageFile(procCgroup, ROOT))
        .contains(
            Path.of("/sys/fs/cgroup/machine.slice/libpod-766d.scope/container/memory.current"));
  }

  @Test
  void findsNothingWithoutAMemoryCgroup() {
    assertThat(ContainerCgroup.usageFile("1:cpu:/x\n", ROOT)).isEmpty();
  }
}
