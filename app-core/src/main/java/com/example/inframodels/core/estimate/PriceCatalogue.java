package com.example.inframodels.core.estimate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Public list prices of one provider and region, versioned, each section with the page it was taken
 * from and the day it was read. Construction validates: a catalogue that could price a workload
 * wrongly is refused whole.
 *
 * <p>Memory units are named as each service's price page names them: GB for Lambda and Fargate
 * ({@code perGbSecond}, {@code perGbHour}, {@code memoryGb}), GiB for EC2 ({@code memoryGib}). They
 * are one unit under two names: AWS counts Lambda's and Fargate's GB in powers of two, {@link
 * #MB_PER_GB} MB each, which is EC2's GiB.
 */
public record PriceCatalogue(
    String version,
    String provider,
    String region,
    String currency,
    BigDecimal hoursPerMonth,
    ServerlessPrices serverless,
    ContainerPrices container,
    InstancePrices virtualMachine,
    InstancePrices bareMetal,
    InstancePrices dedicatedServers) {

  /** MB in a GB of every section, and in a GiB; the workload's {@code memoryMb} counts these MB. */
  static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);

  public PriceCatalogue {
    List<String> problems =
        problems(
            version,
            provider,
            region,
            currency,
            hoursPerMonth,
            serverless,
            container,
            virtualMachine,
            bareMetal,
            dedicatedServers);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid price catalogue: " + String.join("; ", problems));
    }
    virtualMachine = virtualMachine.withSortedInstances(hoursPerMonth);
    bareMetal = bareMetal.withSortedInstances(hoursPerMonth);
    dedicatedServers =
        dedicatedServers == null ? null : dedicatedServers.withSortedInstances(hoursPerMonth);
  }

  /**
   * Where a price was read, and when.
   *
   * @param note how the figure was obtained when it was not read on that page itself, or {@code
   *     null}
   */
  public record Source(String url, LocalDate asOf, String note) {
    public Source(String url, LocalDate asOf) {
      this(url, asOf, null);
    }
  }

  /** Per-request and per-GB-second prices, as Lambda bills; x86_64's, and Arm's if priced. */
  public record ServerlessPrices(
      String service,
      BigDecimal perMillionRequests,
      BigDecimal perGbSecond,
      ServerlessRates arm64,
      Source source) {

    /** The rates on one architecture, if this catalogue prices it. */
    public Optional<ServerlessRates> rates(Architecture architecture) {
      return architecture == Architecture.X86_64
          ? Optional.of(new ServerlessRates(perMillionRequests, perGbSecond))
          : Optional.ofNullable(arm64);
    }
  }

  /** Lambda's two rates on one architecture. */
  public record ServerlessRates(BigDecimal perMillionRequests, BigDecimal perGbSecond) {}

  /**
   * Per-vCPU-hour and per-GB-hour prices, x86_64's and Arm's if priced, and the task sizes that may
   * be ordered (the same on both).
   */
  public record ContainerPrices(
      String service,
      BigDecimal perVcpuHour,
      BigDecimal perGbHour,
      ContainerRates arm64,
      List<TaskSize> taskSizes,
      Source source) {

    /** The rates on one architecture, if this catalogue prices it. */
    public Optional<ContainerRates> rates(Architecture architecture) {
      return architecture == Architecture.X86_64
          ? Optional.of(new ContainerRates(perVcpuHour, perGbHour))
          : Optional.ofNullable(arm64);
    }
  }

  /** Fargate's two rates on one architecture. */
  public record ContainerRates(BigDecimal perVcpuHour, BigDecimal perGbHour) {}

  /** One vCPU count and the memory sizes allowed with it. */
  public record TaskSize(BigDecimal vcpu, List<BigDecimal> memoryGb) {}

  /** Prices of whole machines, virtual or physical, by the hour or by the month. */
  public record InstancePrices(String service, List<InstanceType> instances, Source source) {
    InstancePrices withSortedInstances(BigDecimal hoursPerMonth) {
      List<InstanceType> sorted = new ArrayList<>(instances);
      sorted.sort((a, b) -> a.monthlyUsd(hoursPerMonth).compareTo(b.monthlyUsd(hoursPerMonth)));
      return new InstancePrices(service, List.copyOf(sorted), source);
    }

    /** The machines built on one architecture, cheapest first. */
    public List<InstanceType> on(Architecture architecture) {
      return instances.stream().filter(type -> type.architecture() == architecture).toList();
    }

    /** Where a machine's price was read: its own source, or the section's. */
    public Source sourceOf(InstanceType type) {
      return type.source() != null ? type.source() : source;
    }
  }

  /**
   * A machine size and its on-demand price: {@code hourly} (cloud instances) or {@code monthly}
   * (rented servers), exactly one of them.
   *
   * @param architecture {@code null} means {@link Architecture#X86_64}
   * @param baselinePerVcpu for a burstable instance, the share of each vCPU it may use all the time
   *     (CPU credits pay for bursts above it); {@code null} for a machine whose vCPUs are its own
   * @param setupFee a one-time charge when the server is rented, or {@code null}
   * @param source where this machine's price was read, when not where its section's was; or {@code
   *     null}
   */
  public record InstanceType(
      String name,
      Architecture architecture,
      int vcpu,
      BigDecimal memoryGib,
      BigDecimal hourly,
      BigDecimal monthly,
      BigDecimal baselinePerVcpu,
      BigDecimal setupFee,
      Source source) {

    public InstanceType {
      architecture = architecture == null ? Architecture.X86_64 : architecture;
    }

    /** An x86_64 machine with its own vCPUs, by the hour. */
    public InstanceType(String name, int vcpu, BigDecimal memoryGib, BigDecimal hourly) {
      this(name, null, vcpu, memoryGib, hourly, null, null, null, null);
    }

    /** A month of this machine. */
    public BigDecimal monthlyUsd(BigDecimal hoursPerMonth) {
      return monthly != null ? monthly : hourly.multiply(hoursPerMonth);
    }

    /** The vCPUs it can keep busy all month: all of them, or a burstable one's baseline. */
    public BigDecimal sustainedVcpus() {
      BigDecimal all = BigDecimal.valueOf(vcpu);
      return baselinePerVcpu == null ? all : all.multiply(baselinePerVcpu);
    }

    public boolean burstable() {
      return baselinePerVcpu != null;
    }
  }

  /** Whether the catalogue prices every model on this architecture. */
  public boolean prices(Architecture architecture) {
    return architecture == Architecture.X86_64 || serverless.arm64() != null;
  }

  /** The machines that price bare metal on this offer, if the catalogue has them. */
  public Optional<InstancePrices> bareMetal(BareMetalOffer offer) {
    return offer == BareMetalOffer.CLOUD
        ? Optional.of(bareMetal)
        : Optional.ofNullable(dedicatedServers);
  }

  /** {@code memoryMb} in the unit of Lambda's and Fargate's prices. */
  static BigDecimal gb(int memoryMb) {
    return BigDecimal.valueOf(memoryMb).divide(MB_PER_GB, MathContext.DECIMAL128);
  }

  /** {@code memoryMb} in the unit of EC2's instance sizes: the same figure as {@link #gb}. */
  static BigDecimal gib(int memoryMb) {
    return gb(memoryMb);
  }

  private static List<String> problems(
      String version,
      String provider,
      String region,
      String currency,
      BigDecimal hoursPerMonth,
      ServerlessPrices serverless,
      ContainerPrices container,
      InstancePrices virtualMachine,
      InstancePrices bareMetal,
      InstancePrices dedicatedServers) {
    List<String> problems = new ArrayList<>();
    requireText(problems, "version", version);
    requireText(problems, "provider", provider);
    requireText(problems, "region", region);
    if (!"USD".equals(currency)) {
      problems.add("currency must be USD");
    }
    requirePositive(problems, "hoursPerMonth", hoursPerMonth);
    BigDecimal largestWorkloadGb = gb(Workload.MAX_MEMORY_MB);
    if (serverless == null) {
      problems.add("serverless is required");
    } else {
      requirePositive(problems, "serverless.perMillionRequests", serverless.perMillionRequests);
      requirePositive(problems, "serverless.perGbSecond", serverless.perGbSecond);
      if (serverless.arm64 != null) {
        requirePositive(
            problems, "serverless.arm64.perMillionRequests", serverless.arm64.perMillionRequests);
        requirePositive(problems, "serverless.arm64.perGbSecond", serverless.arm64.perGbSecond);
      }
      requireSource(problems, "serverless", serverless.source);
    }
    if (container == null) {
      problems.add("container is required");
    } else {
      requirePositive(problems, "container.perVcpuHour", container.perVcpuHour);
      requirePositive(problems, "container.perGbHour", container.perGbHour);
      if (container.arm64 != null) {
        requirePositive(problems, "container.arm64.perVcpuHour", container.arm64.perVcpuHour);
        requirePositive(problems, "container.arm64.perGbHour", container.arm64.perGbHour);
      }
      requireSource(problems, "container", container.source);
      if (container.taskSizes == null || container.taskSizes.isEmpty()) {
        problems.add("container.taskSizes must not be empty");
      } else {
        boolean fitsLargest = false;
        for (TaskSize size : container.taskSizes) {
          requirePositive(problems, "container.taskSizes.vcpu", size.vcpu);
          if (size.memoryGb == null || size.memoryGb.isEmpty()) {
            problems.add("container.taskSizes.memoryGb must not be empty");
            continue;
          }
          for (BigDecimal gb : size.memoryGb) {
            requirePositive(problems, "container.taskSizes.memoryGb", gb);
            fitsLargest |= gb != null && gb.compareTo(largestWorkloadGb) >= 0;
          }
        }
        if (!fitsLargest) {
          problems.add("container.taskSizes must offer at least " + largestWorkloadGb + " GB");
        }
      }
    }
    BigDecimal largestWorkloadGib = gib(Workload.MAX_MEMORY_MB);
    requireInstances(problems, "virtualMachine", virtualMachine);
    requireInstances(problems, "bareMetal", bareMetal);
    if (dedicatedServers != null) {
      requireInstances(problems, "dedicatedServers", dedicatedServers);
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    // Every model on x86_64; on arm64 every model too, once any section prices it.
    requireFits(
        problems, "virtualMachine", virtualMachine, Architecture.X86_64, largestWorkloadGib);
    requireFits(problems, "bareMetal", bareMetal, Architecture.X86_64, largestWorkloadGib);
    boolean arm =
        serverless.arm64 != null
            || container.arm64 != null
            || !virtualMachine.on(Architecture.ARM64).isEmpty()
            || !bareMetal.on(Architecture.ARM64).isEmpty();
    if (arm) {
      if (serverless.arm64 == null) {
        problems.add("serverless.arm64 is required when another section prices arm64");
      }
      if (container.arm64 == null) {
        problems.add("container.arm64 is required when another section prices arm64");
      }
      requireFits(
          problems, "virtualMachine", virtualMachine, Architecture.ARM64, largestWorkloadGib);
      requireFits(problems, "bareMetal", bareMetal, Architecture.ARM64, largestWorkloadGib);
    }
    if (dedicatedServers != null) {
      for (Architecture architecture : Architecture.values()) {
        if (!dedicatedServers.on(architecture).isEmpty()) {
          requireFits(
              problems, "dedicatedServers", dedicatedServers, architecture, largestWorkloadGib);
        }
      }
    }
    return problems;
  }

  private static void requireInstances(List<String> problems, String name, InstancePrices prices) {
    if (prices == null) {
      problems.add(name + " is required");
      return;
    }
    requireSource(problems, name, prices.source);
    if (prices.instances == null || prices.instances.isEmpty()) {
      problems.add(name + ".instances must not be empty");
      return;
    }
    for (InstanceType type : prices.instances) {
      requireText(problems, name + ".instances.name", type.name);
      String at = name + "." + type.name;
      if (type.vcpu <= 0) {
        problems.add(at + ".vcpu must be positive");
      }
      requirePositive(problems, at + ".memoryGib", type.memoryGib);
      if ((type.hourly == null) == (type.monthly == null)) {
        problems.add(at + " must have an hourly or a monthly price, not both");
      } else {
        requirePositive(
            problems,
            at + (type.hourly != null ? ".hourly" : ".monthly"),
            type.hourly != null ? type.hourly : type.monthly);
      }
      if (type.baselinePerVcpu != null
          && (type.baselinePerVcpu.signum() <= 0
              || type.baselinePerVcpu.compareTo(BigDecimal.ONE) > 0)) {
        problems.add(at + ".baselinePerVcpu must be greater than 0 and at most 1");
      }
      if (type.setupFee != null && type.setupFee.signum() < 0) {
        problems.add(at + ".setupFee must not be negative");
      }
      if (type.source != null) {
        requireSource(problems, at, type.source);
      }
    }
  }

  private static void requireFits(
      List<String> problems,
      String name,
      InstancePrices prices,
      Architecture architecture,
      BigDecimal largestWorkloadGib) {
    boolean fitsLargest =
        prices.on(architecture).stream()
            .anyMatch(type -> type.memoryGib.compareTo(largestWorkloadGib) >= 0);
    if (!fitsLargest) {
      problems.add(
          name
              + ".instances must offer at least "
              + largestWorkloadGib
              + " GiB on "
              + architecture);
    }
  }

  private static void requireSource(List<String> problems, String name, Source source) {
    if (source == null || source.url == null || !source.url.startsWith("https://")) {
      problems.add(name + ".source.url must be an https URL");
    }
    if (source == null || source.asOf == null) {
      problems.add(name + ".source.asOf is required");
    }
  }

  private static void requireText(List<String> problems, String name, String value) {
    if (value == null || value.isBlank()) {
      problems.add(name + " is required");
    }
  }

  private static void requirePositive(List<String> problems, String name, BigDecimal value) {
    if (value == null || value.signum() <= 0) {
      problems.add(name + " must be a positive number");
    }
  }
}
