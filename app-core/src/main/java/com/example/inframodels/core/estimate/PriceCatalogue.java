package com.example.inframodels.core.estimate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
    InstancePrices bareMetal) {

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
            bareMetal);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid price catalogue: " + String.join("; ", problems));
    }
    virtualMachine = virtualMachine.withSortedInstances();
    bareMetal = bareMetal.withSortedInstances();
  }

  /** Where a price was read, and when. */
  public record Source(String url, LocalDate asOf) {}

  /** Per-request and per-GB-second prices, as Lambda bills. */
  public record ServerlessPrices(
      String service, BigDecimal perMillionRequests, BigDecimal perGbSecond, Source source) {}

  /** Per-vCPU-hour and per-GB-hour prices, and the task sizes that may be ordered. */
  public record ContainerPrices(
      String service,
      BigDecimal perVcpuHour,
      BigDecimal perGbHour,
      List<TaskSize> taskSizes,
      Source source) {}

  /** One vCPU count and the memory sizes allowed with it. */
  public record TaskSize(BigDecimal vcpu, List<BigDecimal> memoryGb) {}

  /** Hourly prices of whole machines, virtual or physical. */
  public record InstancePrices(String service, List<InstanceType> instances, Source source) {
    InstancePrices withSortedInstances() {
      List<InstanceType> sorted = new ArrayList<>(instances);
      sorted.sort((a, b) -> a.hourly().compareTo(b.hourly()));
      return new InstancePrices(service, List.copyOf(sorted), source);
    }
  }

  /** A machine size and its on-demand hourly price. */
  public record InstanceType(String name, int vcpu, BigDecimal memoryGib, BigDecimal hourly) {}

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
      InstancePrices bareMetal) {
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
      requireSource(problems, "serverless", serverless.source);
    }
    if (container == null) {
      problems.add("container is required");
    } else {
      requirePositive(problems, "container.perVcpuHour", container.perVcpuHour);
      requirePositive(problems, "container.perGbHour", container.perGbHour);
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
    requireInstances(problems, "virtualMachine", virtualMachine, largestWorkloadGib);
    requireInstances(problems, "bareMetal", bareMetal, largestWorkloadGib);
    return problems;
  }

  private static void requireInstances(
      List<String> problems, String name, InstancePrices prices, BigDecimal largestWorkloadGib) {
    if (prices == null) {
      problems.add(name + " is required");
      return;
    }
    requireSource(problems, name, prices.source);
    if (prices.instances == null || prices.instances.isEmpty()) {
      problems.add(name + ".instances must not be empty");
      return;
    }
    boolean fitsLargest = false;
    for (InstanceType type : prices.instances) {
      requireText(problems, name + ".instances.name", type.name);
      if (type.vcpu <= 0) {
        problems.add(name + "." + type.name + ".vcpu must be positive");
      }
      requirePositive(problems, name + "." + type.name + ".memoryGib", type.memoryGib);
      requirePositive(problems, name + "." + type.name + ".hourly", type.hourly);
      fitsLargest |= type.memoryGib != null && type.memoryGib.compareTo(largestWorkloadGib) >= 0;
    }
    if (!fitsLargest) {
      problems.add(name + ".instances must offer at least " + largestWorkloadGib + " GiB");
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
