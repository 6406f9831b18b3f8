package com.example.inframodels.core.catalogue;

import com.example.inframodels.core.api.AdvisorJson;
import com.example.inframodels.core.estimate.Architecture;
import com.example.inframodels.core.estimate.PriceCatalogue;
import com.example.inframodels.core.estimate.PriceCatalogue.ContainerPrices;
import com.example.inframodels.core.estimate.PriceCatalogue.ContainerRates;
import com.example.inframodels.core.estimate.PriceCatalogue.InstancePrices;
import com.example.inframodels.core.estimate.PriceCatalogue.InstanceType;
import com.example.inframodels.core.estimate.PriceCatalogue.ServerlessPrices;
import com.example.inframodels.core.estimate.PriceCatalogue.ServerlessRates;
import com.example.inframodels.core.estimate.PriceCatalogue.Source;
import com.example.inframodels.core.estimate.PriceCatalogue.TaskSize;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * A price catalogue's JSON into the domain's {@link PriceCatalogue}, on Jackson's streaming parser
 * alone (no object mapper to load at start-up). The file is read whole first, then mapped section
 * by section: one JSON value with nothing after it, no key twice, no field the catalogue does not
 * have, numbers where numbers belong and {@code asOf} dates as {@code 2026-11-28}. An absent field
 * is left to {@link PriceCatalogue}'s own validation, which names everything it is missing.
 */
final class PriceCatalogueJson {

  private PriceCatalogueJson() {}

  /**
   * @throws IllegalArgumentException naming what is wrong, with the JSON path of the offending
   *     field
   */
  static PriceCatalogue read(InputStream in) {
    Object root;
    try (JsonParser json = AdvisorJson.factory().createParser(ObjectReadContext.empty(), in)) {
      JsonToken first = json.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("the file is empty");
      }
      root = value(json, first);
      JsonToken trailing = json.nextToken();
      if (trailing != null) {
        throw new IllegalArgumentException("more content (" + trailing + ") after the JSON value");
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a number is out of range", e);
    }
    Section top = Section.of("$", root);
    top.only(
        "version",
        "provider",
        "region",
        "currency",
        "hoursPerMonth",
        "serverless",
        "container",
        "virtualMachine",
        "bareMetal",
        "dedicatedServers");
    return new PriceCatalogue(
        top.text("version"),
        top.text("provider"),
        top.text("region"),
        top.text("currency"),
        top.number("hoursPerMonth"),
        serverless(top.section("serverless")),
        container(top.section("container")),
        instances(top.section("virtualMachine")),
        instances(top.section("bareMetal")),
        instances(top.section("dedicatedServers")));
  }

  // No lambdas or method references here: each would be spun into a class at start-up.

  private static ServerlessPrices serverless(Section s) {
    if (s == null) {
      return null;
    }
    s.only("service", "perMillionRequests", "perGbSecond", "arm64", "source");
    Section arm = s.section("arm64");
    ServerlessRates arm64 = null;
    if (arm != null) {
      arm.only("perMillionRequests", "perGbSecond");
      arm64 = new ServerlessRates(arm.number("perMillionRequests"), arm.number("perGbSecond"));
    }
    return new ServerlessPrices(
        s.text("service"),
        s.number("perMillionRequests"),
        s.number("perGbSecond"),
        arm64,
        source(s.section("source")));
  }

  private static ContainerPrices container(Section s) {
    if (s == null) {
      return null;
    }
    s.only("service", "perVcpuHour", "perGbHour", "arm64", "taskSizes", "source");
    Section arm = s.section("arm64");
    ContainerRates arm64 = null;
    if (arm != null) {
      arm.only("perVcpuHour", "perGbHour");
      arm64 = new ContainerRates(arm.number("perVcpuHour"), arm.number("perGbHour"));
    }
    return new ContainerPrices(
        s.text("service"),
        s.number("perVcpuHour"),
        s.number("perGbHour"),
        arm64,
        taskSizes(s),
        source(s.section("source")));
  }

  private static List<TaskSize> taskSizes(Section s) {
    List<?> items = s.list("taskSizes");
    if (items == null) {
      return null;
    }
    List<TaskSize> sizes = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      sizes.add(taskSize(Section.of(s.path + ".taskSizes[" + i + "]", items.get(i))));
    }
    return sizes;
  }

  private static TaskSize taskSize(Section s) {
    s.only("vcpu", "memoryGb");
    List<?> items = s.list("memoryGb");
    List<BigDecimal> memoryGb = null;
    if (items != null) {
      memoryGb = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        memoryGb.add(number(s.path + ".memoryGb[" + i + "]", items.get(i)));
      }
    }
    return new TaskSize(s.number("vcpu"), memoryGb);
  }

  private static InstancePrices instances(Section s) {
    if (s == null) {
      return null;
    }
    s.only("service", "instances", "source");
    List<?> items = s.list("instances");
    List<InstanceType> types = null;
    if (items != null) {
      types = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        types.add(instanceType(Section.of(s.path + ".instances[" + i + "]", items.get(i))));
      }
    }
    return new InstancePrices(s.text("service"), types, source(s.section("source")));
  }

  private static InstanceType instanceType(Section s) {
    s.only(
        "name",
        "architecture",
        "vcpu",
        "memoryGib",
        "hourly",
        "monthly",
        "baselinePerVcpu",
        "setupFee",
        "source");
    BigDecimal vcpu = s.number("vcpu");
    int count;
    try {
      count = vcpu == null ? 0 : vcpu.intValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(s.path + ".vcpu must be a whole number", e);
    }
    String architectureName = s.text("architecture");
    Architecture architecture = null;
    if (architectureName != null) {
      architecture = Architecture.named(architectureName).orElse(null);
      if (architecture == null) {
        throw new IllegalArgumentException(
            s.path + ".architecture must be x86_64 or arm64, not " + architectureName);
      }
    }
    return new InstanceType(
        s.text("name"),
        architecture,
        count,
        s.number("memoryGib"),
        s.number("hourly"),
        s.number("monthly"),
        s.number("baselinePerVcpu"),
        s.number("setupFee"),
        source(s.section("source")));
  }

  private static Source source(Section s) {
    if (s == null) {
      return null;
    }
    s.only("url", "asOf", "note");
    String asOf = s.text("asOf");
    return new Source(
        s.text("url"), asOf == null ? null : date(s.path + ".asOf", asOf), s.text("note"));
  }

  /**
   * An ISO date, {@code 2026-11-28}, read by hand: {@code LocalDate.parse} would load the whole
   * formatter machinery at start-up for three numbers.
   */
  private static LocalDate date(String path, String text) {
    boolean shaped = text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-';
    for (int i = 0; shaped && i < text.length(); i++) {
      shaped = i == 4 || i == 7 || (text.charAt(i) >= '0' && text.charAt(i) <= '9');
    }
    try {
      if (shaped) {
        return LocalDate.of(
            Integer.parseInt(text.substring(0, 4)),
            Integer.parseInt(text.substring(5, 7)),
            Integer.parseInt(text.substring(8, 10)));
      }
    } catch (DateTimeException e) {
      // not a day of the calendar: 2026-02-30
    }
    throw new IllegalArgumentException(path + " must be a date such as 2026-11-28, not " + text);
  }

  private static BigDecimal number(String path, Object value) {
    if (value != null && !(value instanceof BigDecimal)) {
      throw new IllegalArgumentException(path + " must be a number");
    }
    return (BigDecimal) value;
  }

  /** A JSON value as plain Java: object, array, string, number, boolean, or {@code null}. */
  private static Object value(JsonParser json, JsonToken token) {
    switch (token) {
      case START_OBJECT:
        Map<String, Object> members = new LinkedHashMap<>();
        for (String name = json.nextName(); name != null; name = json.nextName()) {
          members.put(name, value(json, json.nextToken()));
        }
        return members;
      case START_ARRAY:
        List<Object> items = new ArrayList<>();
        for (JsonToken next = json.nextToken();
            next != JsonToken.END_ARRAY;
            next = json.nextToken()) {
          items.add(value(json, next));
        }
        return items;
      case VALUE_STRING:
        return json.getString();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return json.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("not a JSON value: " + token);
    }
  }

  /** One JSON object of the catalogue, with its path for the messages. */
  private record Section(String path, Map<?, ?> members) {

    static Section of(String path, Object value) {
      if (!(value instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(path + " must be a JSON object");
      }
      return new Section(path, map);
    }

    void only(String... names) {
      List<String> known = Arrays.asList(names);
      for (Object name : members.keySet()) {
        if (!known.contains(name)) {
          throw new IllegalArgumentException(path + "." + name + " is not a known field");
        }
      }
    }

    String text(String name) {
      Object value = members.get(name);
      if (value != null && !(value instanceof String)) {
        throw new IllegalArgumentException(path + "." + name + " must be a string");
      }
      return (String) value;
    }

    BigDecimal number(String name) {
      return PriceCatalogueJson.number(path + "." + name, members.get(name));
    }

    /** The member object {@code name}, or {@code null} when absent. */
    Section section(String name) {
      Object value = members.get(name);
      return value == null ? null : Section.of(path + "." + name, value);
    }

    /** The member array {@code name}, or {@code null} when absent. */
    List<?> list(String name) {
      Object value = members.get(name);
      if (value != null && !(value instanceof List<?>)) {
        throw new IllegalArgumentException(path + "." + name + " must be a JSON array");
      }
      return (List<?>) value;
    }
  }
}
