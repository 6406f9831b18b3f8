package com.example.inframodels.core.api;

import com.example.inframodels.core.api.Problem.FieldError;
import com.example.inframodels.core.estimate.Architecture;
import com.example.inframodels.core.estimate.BareMetalOffer;
import com.example.inframodels.core.estimate.FieldViolation;
import com.example.inframodels.core.estimate.Workload;
import com.example.inframodels.core.estimate.WorkloadFields;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON for the contract: a strict reader for workloads that reports every bad field, and one writer
 * for every response.
 *
 * <p>The reader owns the rules of the body's form, and only those: UTF-8, JSON syntax (one value,
 * nothing after it, no key twice in an object), an object, no unknown field, a number where a
 * number belongs, at most {@link #MAX_INTEGER_DIGITS} digits before and {@link
 * #MAX_FRACTION_DIGITS} after the point, a whole number for a count, and a {@code memoryMb} that
 * fits an {@code int}. What the values mean (required fields, ranges, the peak against the average
 * rate) is the domain's: {@link Workload} and {@link
 * com.example.inframodels.core.estimate.Estimator}, asked through {@link WorkloadRules}. Both
 * answers go back in one problem, the reader's first.
 *
 * <p>Both sides are Jackson's streaming API (jackson-core) alone, not its object mapper: a
 * framework-free entry point, such as a Lambda function, answers its first request without loading
 * databind, which was most of what its cold start loaded.
 */
public final class AdvisorJson {

  static final Set<String> WORKLOAD_FIELDS =
      Set.of(
          "requestsPerMonth",
          "avgDurationMs",
          "memoryMb",
          "peakRequestsPerSecond",
          "architecture",
          "bareMetal");

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // A repeated key would silently overwrite the first: refuse it instead.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // Money and durations stay exact and readable: 0.0000166667, not 1.66667E-5.
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private AdvisorJson() {}

  /**
   * The contract's JSON settings, for the adapters that read or write JSON of their own (an event
   * around the body): keys unique in every object, decimals written in plain notation.
   */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** A response body of the contract: an estimate, a runtime report or a problem. */
  public static byte[] write(Object value) {
    return ResponseJson.write(value);
  }

  /**
   * The domain's rules, for the values the reader could read ({@code null} when absent); every rule
   * a {@link Workload} enforces must be among them.
   */
  @FunctionalInterface
  interface WorkloadRules {
    List<FieldViolation> check(WorkloadFields fields);
  }

  /**
   * The body as text, strictly UTF-8 (RFC 8259): other encodings and stray bytes are malformed JSON
   * here, not guessed at. A leading byte order mark is ignored, as RFC 8259 allows.
   */
  private static String utf8(byte[] body) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new ProblemException(Problems.malformedJson("the body is not UTF-8"));
    }
  }

  /**
   * Reads a workload, or throws a {@link ProblemException} naming every field that is missing, of
   * the wrong type, out of range, or unknown: first what this reader rejects, then what {@code
   * rules} do.
   */
  static Workload readWorkload(byte[] body, WorkloadRules rules) {
    List<FieldViolation> violations = new ArrayList<>();
    Map<String, Member> root = readObject(utf8(body), WORKLOAD_FIELDS, violations);
    Long requests = wholeNumber(root, "requestsPerMonth", violations);
    WorkloadFields fields = common(root, violations).withRequestsPerMonth(requests);

    rejectAll(violations, rules.check(fields));
    return fields.toWorkload();
  }

  static final Set<String> SWEEP_FIELDS =
      Set.of(
          "fromRequestsPerMonth",
          "toRequestsPerMonth",
          "points",
          "avgDurationMs",
          "memoryMb",
          "peakRequestsPerSecond",
          "architecture",
          "bareMetal");

  /** A sweep's range and the workload swept (its {@code requestsPerMonth} is the range's start). */
  record SweepRequest(Workload workload, long from, long to, int points) {}

  /** The domain's rules for a sweep, as {@link WorkloadRules} are for a workload. */
  @FunctionalInterface
  interface SweepRules {
    /** {@code workload} has no {@code requestsPerMonth}: the range gives the volumes. */
    List<FieldViolation> check(Long from, Long to, Long points, WorkloadFields workload);
  }

  /**
   * Reads a sweep: the workload's fields without {@code requestsPerMonth}, and {@code
   * fromRequestsPerMonth}, {@code toRequestsPerMonth} and {@code points}. Every bad field is named,
   * as for a workload.
   */
  static SweepRequest readSweep(byte[] body, SweepRules rules) {
    List<FieldViolation> violations = new ArrayList<>();
    Map<String, Member> root = readObject(utf8(body), SWEEP_FIELDS, violations);
    Long from = wholeNumber(root, "fromRequestsPerMonth", violations);
    Long to = wholeNumber(root, "toRequestsPerMonth", violations);
    Long points = wholeNumber(root, "points", violations);
    WorkloadFields workload = common(root, violations);

    rejectAll(violations, rules.check(from, to, points, workload));
    return new SweepRequest(
        workload.withRequestsPerMonth(from).toWorkload(), from, to, points.intValue());
  }

  /**
   * The fields a workload and a sweep share, as far as the reader could read them; the volume is
   * left absent for the caller to give.
   */
  private static WorkloadFields common(Map<String, Member> root, List<FieldViolation> violations) {
    BigDecimal duration = number(root, "avgDurationMs", violations);
    Long memory = wholeNumber(root, "memoryMb", violations);
    BigDecimal peak = number(root, "peakRequestsPerSecond", violations);
    Integer memoryMb = intNumber(memory, violations);
    Architecture architecture = choice(root, "architecture", Architecture.class, violations);
    BareMetalOffer bareMetal = choice(root, "bareMetal", BareMetalOffer.class, violations);
    return new WorkloadFields(null, duration, memoryMb, peak, architecture, bareMetal);
  }

  /**
   * Adds the domain's violations to the reader's and throws if there are any. A field the reader
   * rejected reached the rules as absent; they would call it missing as well, so theirs is dropped.
   */
  private static void rejectAll(List<FieldViolation> violations, List<FieldViolation> ruled) {
    List<String> rejected = violations.stream().map(FieldViolation::field).toList();
    for (FieldViolation v : ruled) {
      if (!rejected.contains(v.field())) {
        violations.add(v);
      }
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.invalidWorkload(violations));
    }
  }

  /**
   * One of an enum's names, as {@link Architecture#id()} and {@link BareMetalOffer#id()} spell
   * them, or {@code null} when absent or null (a wrong type or an unknown name is recorded).
   */
  private static <E extends Enum<E>> E choice(
      Map<String, Member> root, String field, Class<E> type, List<FieldViolation> violations) {
    Member member = root.get(field);
    if (member == null || member.kind() == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.toString());
      if (constant.toString().equals(member.text())) {
        return constant;
      }
    }
    String allowed = String.join(" or ", names);
    violations.add(
        new FieldViolation(
            field,
            member.text() == null
                ? "must be the string " + allowed + ", not " + member.kind()
                : "must be " + allowed));
    return null;
  }

  /**
   * A top-level member's value as far as the reader needs it: the number, or what kind of value it
   * is instead ({@code null} for JSON's null).
   */
  private record Member(BigDecimal number, String text, String kind) {}

  /**
   * The body's one JSON value, which must be an object: its members in the body's order. The whole
   * text is parsed before anything is judged, so malformed JSON anywhere (a nested duplicate key, a
   * second value after the first) is reported as malformed, not as a wrong field.
   */
  private static Map<String, Member> readObject(
      String text, Set<String> known, List<FieldViolation> violations) {
    Map<String, Member> members = readObject(text);
    for (String name : members.keySet()) {
      if (!known.contains(name)) {
        violations.add(new FieldViolation(name, "is not a known field"));
      }
    }
    return members;
  }

  private static Map<String, Member> readObject(String text) {
    try (JsonParser json = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      JsonToken first = json.nextToken();
      if (first == null) {
        throw new ProblemException(Problems.malformedJson("the body is empty"));
      }
      Map<String, Member> members = null;
      if (first == JsonToken.START_OBJECT) {
        members = new LinkedHashMap<>();
        for (String name = json.nextName(); name != null; name = json.nextName()) {
          members.put(name, member(json, json.nextToken()));
        }
      } else {
        json.skipChildren();
      }
      JsonToken trailing = json.nextToken();
      if (trailing != null) {
        throw new ProblemException(
            Problems.malformedJson("more content (" + trailing + ") after the JSON value"));
      }
      if (members == null) {
        throw new ProblemException(
            Problems.invalidWorkload(
                "the body must be a JSON object",
                List.of(new FieldError("", "#", "must be a JSON object"))));
      }
      return members;
    } catch (JacksonException e) {
      throw new ProblemException(Problems.malformedJson(e.getOriginalMessage()));
    } catch (NumberFormatException | ArithmeticException e) {
      // BigDecimal refuses exponents beyond the int range (1e2147483648) before Jackson can.
      throw new ProblemException(Problems.malformedJson("a number is out of range"));
    }
  }

  private static Member member(JsonParser json, JsonToken token) {
    return switch (token) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          new Member(json.getDecimalValue(), null, "a number");
      case VALUE_NULL -> new Member(null, null, null);
      case VALUE_STRING -> new Member(null, json.getString(), "a string");
      case VALUE_TRUE, VALUE_FALSE -> new Member(null, null, "a boolean");
      case START_ARRAY -> {
        json.skipChildren();
        yield new Member(null, null, "an array");
      }
      case START_OBJECT -> {
        json.skipChildren();
        yield new Member(null, null, "an object");
      }
      default -> throw new IllegalStateException("not a JSON value: " + token);
    };
  }

  /**
   * memoryMb as the {@code int} the domain takes, or {@code null}. A whole number beyond the type
   * is also beyond the range, and is reported in the domain's words for it.
   */
  private static Integer intNumber(Long memoryMb, List<FieldViolation> violations) {
    if (memoryMb == null) {
      return null;
    }
    if (memoryMb < Integer.MIN_VALUE || memoryMb > Integer.MAX_VALUE) {
      violations.add(Workload.memoryMbOutOfRange());
      return null;
    }
    return memoryMb.intValue();
  }

  /**
   * Digits a number may have before and after the decimal point. Far beyond any real workload, and
   * small enough that no later arithmetic on it (or writing it back) can be made expensive: {@code
   * 1e99999999} is a short text for a hundred-million-digit integer.
   */
  static final int MAX_INTEGER_DIGITS = 15;

  static final int MAX_FRACTION_DIGITS = 6;

  /** A JSON number, or {@code null} when absent or null (a wrong type is recorded). */
  private static BigDecimal number(
      Map<String, Member> root, String field, List<FieldViolation> violations) {
    Member member = root.get(field);
    if (member == null || member.kind() == null) {
      return null;
    }
    if (member.number() == null) {
      violations.add(new FieldViolation(field, "must be a number, not " + member.kind()));
      return null;
    }
    BigDecimal value = member.number();
    // Compare digit counts, which are cheap, before anything that materialises the value; in
    // long arithmetic, since a scale near Integer.MIN_VALUE would overflow an int.
    if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      violations.add(new FieldViolation(field, "is too large"));
      return null;
    }
    if (value.scale() > MAX_FRACTION_DIGITS
        && value.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
      violations.add(
          new FieldViolation(
              field,
              "must have at most " + MAX_FRACTION_DIGITS + " digits after the decimal point"));
      return null;
    }
    return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
  }

  /** A whole JSON number, or {@code null}; 1e6 counts as whole, 1.5 does not. */
  private static Long wholeNumber(
      Map<String, Member> root, String field, List<FieldViolation> violations) {
    BigDecimal value = number(root, field, violations);
    if (value == null) {
      return null;
    }
    if (value.scale() > 0) {
      violations.add(
          new FieldViolation(field, "must be a whole number, not " + value.toPlainString()));
      return null;
    }
    return value.longValueExact();
  }
}
