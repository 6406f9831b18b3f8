package com.example.inframodels.lambda;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;

/**
 * The Spring path's SnapStart hooks: {@link SnapStartPriming} through the function as {@code
 * FunctionInvoker} calls it, and a fresh message-id generator in every restored environment.
 */
final class SpringPriming {

  private SpringPriming() {}

  /**
   * The advisor function called the way {@code FunctionInvoker.handleRequest} calls it (Spring
   * Cloud Function 5.0): the registry's wrapper looked up for JSON, the input made a message by
   * {@code AWSLambdaUtils}, the output written by it.
   */
  static SnapStartPriming.Invocation through(FunctionCatalog catalog, JsonMapper json) {
    FunctionInvocationWrapper function = catalog.lookup(AdvisorFunction.NAME, "application/json");
    return input -> {
      Message<?> request =
          AWSLambdaUtils.generateMessage(
              new ByteArrayInputStream(input),
              function.getInputType(),
              function.isSupplier(),
              json,
              null);
      Object response = function.apply(request);
      return AWSLambdaUtils.generateOutputFromObject(
          request, response, json, function.getOutputType());
    };
  }

  /**
   * Every Spring message gets an id from {@code MessageHeaders}' generator, a {@code
   * java.util.Random} seeded once from {@code SecureRandom} when the class is first used. Used
   * before the snapshot (priming does), that seed is in the snapshot, and every environment
   * restored from it would hand out the same ids in the same order. After a restore this sets the
   * generator Spring reads first to one seeded anew; {@code MessageHeaders} offers no setter for it
   * (Spring Integration sets the same field by reflection).
   */
  static final class MessageIdReseeding implements Resource {

    private final Field generator;

    /** Resolved at init, so that a Spring whose field differs fails the init, not a restore. */
    MessageIdReseeding() {
      try {
        generator = MessageHeaders.class.getDeclaredField("idGenerator");
        generator.setAccessible(true);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("MessageHeaders has no idGenerator field to reseed", e);
      }
    }

    static MessageIdReseeding register() {
      MessageIdReseeding reseeding = new MessageIdReseeding();
      Core.getGlobalContext().register(reseeding);
      return reseeding;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {}

    @Override
    public void afterRestore(Context<? extends Resource> context) throws IllegalAccessException {
      generator.set(null, newGenerator());
    }

    private static IdGenerator newGenerator() {
      return new AlternativeJdkIdGenerator();
    }
  }
}
