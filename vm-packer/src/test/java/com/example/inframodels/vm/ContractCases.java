package com.example.inframodels.vm;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Which cases of the contract ran in this test class and how each ended, so that a later test can
 * say "the whole contract passed" only when every case it declares really ran here and passed — not
 * when it was run alone, skipped, or ran a filtered subset.
 */
final class ContractCases implements TestWatcher {

  private final Set<Method> declared;
  private final Set<Method> passed = ConcurrentHashMap.newKeySet();
  private final Map<Method, String> notPassed = new ConcurrentHashMap<>();

  ContractCases(Class<?>... contracts) {
    declared =
        Stream.of(contracts)
            .flatMap(contract -> Stream.of(contract.getDeclaredMethods()))
            .filter(
                method ->
                    method.isAnnotationPresent(Test.class)
                        || method.isAnnotationPresent(ParameterizedTest.class))
            .collect(Collectors.toUnmodifiableSet());
  }

  int declared() {
    return declared.size();
  }

  /** Every declared case that did not run and pass here (each invocation, if parameterized). */
  Map<String, String> notPassed() {
    Map<String, String> missing = new TreeMap<>();
    for (Method method : declared) {
      String why = notPassed.get(method);
      if (why != null) {
        missing.put(method.getName(), why);
      } else if (!passed.contains(method)) {
        missing.put(method.getName(), "did not run");
      }
    }
    return missing;
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    contractCase(context).ifPresent(passed::add);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    contractCase(context).ifPresent(method -> notPassed.put(method, "failed: " + cause));
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    contractCase(context).ifPresent(method -> notPassed.put(method, "skipped: " + cause));
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    contractCase(context)
        .ifPresent(method -> notPassed.put(method, "disabled: " + reason.orElse("")));
  }

  private Optional<Method> contractCase(ExtensionContext context) {
    return context.getTestMethod().filter(declared::contains);
  }
}
