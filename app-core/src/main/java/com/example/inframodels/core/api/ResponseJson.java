package com.example.inframodels.core.api;

import com.example.inframodels.core.api.Problem.FieldError;
import com.example.inframodels.core.estimate.BreakEven;
import com.example.inframodels.core.estimate.Capacity;
import com.example.inframodels.core.estimate.Estimate;
import com.example.inframodels.core.estimate.ModelCost;
import com.example.inframodels.core.estimate.Sweep;
import com.example.inframodels.core.estimate.Workload;
import com.example.inframodels.core.runtime.RuntimeReport;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * The contract's response bodies written with Jackson's streaming generator: each record's
 * components in declaration order, a {@code null} component left out, decimals in plain notation,
 * enums by name. That is the form the contract has always had (Jackson databind wrote it before);
 * {@code ResponseJsonTest} holds the two to the same bytes. Written by hand so that a function
 * answering its first request loads no object mapper, the largest part of its cold start.
 */
final class ResponseJson {

  private ResponseJson() {}

  static byte[] write(Object body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator json =
        AdvisorJson.factory().createGenerator(ObjectWriteContext.empty(), out)) {
      if (body instanceof Estimate estimate) {
        estimate(json, estimate);
      } else if (body instanceof Sweep sweep) {
        sweep(json, sweep);
      } else if (body instanceof RuntimeReport report) {
        runtime(json, report);
      } else if (body instanceof Problem problem) {
        problem(json, problem);
      } else {
        throw new IllegalArgumentException("not a response body of the contract: " + body);
      }
    }
    return out.toByteArray();
  }

  private static void estimate(JsonGenerator json, Estimate estimate) {
    json.writeStartObject();
    json.writeName("workload");
    workload(json, estimate.workload());
    number(json, "peakRequestsPerSecond", estimate.peakRequestsPerSecond());
    number(json, "peakConcurrency", estimate.peakConcurrency());
    if (estimate.options() != null) {
      json.writeName("options");
      json.writeStartArray();
      for (ModelCost option : estimate.options()) {
        modelCost(json, option);
      }
      json.writeEndArray();
    }
    text(json, "cheapest", estimate.cheapest() == null ? null : estimate.cheapest().name());
    if (estimate.breakEven() != null) {
      json.writeName("breakEven");
      breakEven(json, estimate.breakEven());
    }
    text(json, "priceCatalogue", estimate.priceCatalogue());
    strings(json, "assumptions", estimate.assumptions());
    json.writeEndObject();
  }

  /** Columns, as a chart takes them: the volumes once, then each model's costs at those volumes. */
  private static void sweep(JsonGenerator json, Sweep sweep) {
    json.writeStartObject();
    json.writeName("requestsPerMonth");
    json.writeStartArray();
    for (long volume : sweep.requestsPerMonth()) {
      json.writeNumber(volume);
    }
    json.writeEndArray();
    json.writeName("series");
    json.writeStartArray();
    for (Sweep.Series series : sweep.series()) {
      json.writeStartObject();
      text(json, "model", series.model().name());
      json.writeName("monthlyUsd");
      json.writeStartArray();
      for (BigDecimal cost : series.monthlyUsd()) {
        json.writeNumber(cost);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    text(json, "priceCatalogue", sweep.priceCatalogue());
    json.writeEndObject();
  }

  private static void workload(JsonGenerator json, Workload workload) {
    json.writeStartObject();
    json.writeNumberProperty("requestsPerMonth", workload.requestsPerMonth());
    number(json, "avgDurationMs", workload.avgDurationMs());
    json.writeNumberProperty("memoryMb", workload.memoryMb());
    number(json, "peakRequestsPerSecond", workload.peakRequestsPerSecond());
    text(json, "architecture", workload.architecture().id());
    text(json, "bareMetal", workload.bareMetal().id());
    json.writeEndObject();
  }

  private static void modelCost(JsonGenerator json, ModelCost cost) {
    json.writeStartObject();
    text(json, "model", cost.model() == null ? null : cost.model().name());
    number(json, "monthlyUsd", cost.monthlyUsd());
    Capacity capacity = cost.capacity();
    if (capacity != null) {
      json.writeName("capacity");
      json.writeStartObject();
      text(json, "unit", capacity.unit());
      number(json, "quantity", capacity.quantity());
      text(json, "size", capacity.size());
      text(json, "description", capacity.description());
      json.writeEndObject();
    }
    strings(json, "assumptions", cost.assumptions());
    json.writeEndObject();
  }

  private static void breakEven(JsonGenerator json, BreakEven breakEven) {
    json.writeStartObject();
    if (breakEven.requestsPerMonth() != null) {
      json.writeNumberProperty("requestsPerMonth", breakEven.requestsPerMonth().longValue());
    }
    text(
        json,
        "alwaysOnModel",
        breakEven.alwaysOnModel() == null ? null : breakEven.alwaysOnModel().name());
    text(json, "explanation", breakEven.explanation());
    json.writeEndObject();
  }

  private static void runtime(JsonGenerator json, RuntimeReport report) {
    json.writeStartObject();
    text(json, "model", report.model() == null ? null : report.model().name());
    strings(json, "evidence", report.evidence());
    text(json, "supervisor", report.supervisor());
    strings(json, "supervisorEvidence", report.supervisorEvidence());
    whole(json, "uid", report.uid());
    text(json, "javaVersion", report.javaVersion());
    text(json, "javaVendor", report.javaVendor());
    json.writeNumberProperty("availableProcessors", report.availableProcessors());
    json.writeNumberProperty("maxHeapBytes", report.maxHeapBytes());
    whole(json, "memoryLimitBytes", report.memoryLimitBytes());
    whole(json, "startupTimeMs", report.startupTimeMs());
    json.writeEndObject();
  }

  private static void problem(JsonGenerator json, Problem problem) {
    json.writeStartObject();
    text(json, "type", problem.type());
    text(json, "title", problem.title());
    json.writeNumberProperty("status", problem.status());
    text(json, "detail", problem.detail());
    text(json, "instance", problem.instance());
    if (problem.errors() != null) {
      json.writeName("errors");
      json.writeStartArray();
      for (FieldError error : problem.errors()) {
        json.writeStartObject();
        text(json, "field", error.field());
        text(json, "pointer", error.pointer());
        text(json, "detail", error.detail());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static void text(JsonGenerator json, String name, String value) {
    if (value != null) {
      json.writeStringProperty(name, value);
    }
  }

  private static void number(JsonGenerator json, String name, BigDecimal value) {
    if (value != null) {
      json.writeNumberProperty(name, value);
    }
  }

  private static void whole(JsonGenerator json, String name, Long value) {
    if (value != null) {
      json.writeNumberProperty(name, value.longValue());
    }
  }

  private static void strings(JsonGenerator json, String name, List<String> values) {
    if (values == null) {
      return;
    }
    json.writeName(name);
    json.writeStartArray();
    for (String value : values) {
      if (value == null) {
        json.writeNull();
      } else {
        json.writeString(value);
      }
    }
    json.writeEndArray();
  }
}
