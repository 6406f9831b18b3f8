package com.example.inframodels.lambda;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.runtime.StartupClock;
import com.example.inframodels.core.wiring.AdvisorWiring;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;
import org.crac.Resource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;

/**
 * The Spring path's application, started by Spring Cloud Function's {@code FunctionInvoker} (the
 * Lambda handler), which finds it through the jar manifest's {@code Main-Class}.
 *
 * <p>It registers the {@link AdvisorFunction} in Spring Cloud Function's <em>functional</em> form:
 * because this class is an {@link ApplicationContextInitializer}, {@code FunctionInvoker} starts it
 * with {@code FunctionalSpringApplication}, which skips configuration-class parsing, component
 * scanning and auto-configuration and builds the function registry from these registrations, with a
 * markedly shorter cold start (the module README has the figures).
 *
 * <p>Once the application is ready it registers its SnapStart hooks ({@link SpringPriming}).
 *
 * <p>{@link SpringBootConfiguration} only marks the class for {@code FunctionInvoker}'s start-class
 * lookup; nothing in it is processed as configuration.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
public class SpringAdvisorApplication
    implements ApplicationContextInitializer<GenericApplicationContext> {

  /** {@code Function<InputStream, Message<byte[]>>}, the registry's view of the function. */
  private static final Type ADVISOR_TYPE =
      ResolvableType.forClassWithGenerics(
              Function.class,
              ResolvableType.forClass(InputStream.class),
              ResolvableType.forClassWithGenerics(Message.class, byte[].class))
          .getType();

  private static volatile List<Resource> snapStartHooks = List.of();

  @Override
  public void initialize(GenericApplicationContext context) {
    StartupClock clock = new StartupClock();
    context.registerBean(
        AdvisorApi.class,
        () ->
            // advisor.price-catalogue, or ADVISOR_PRICE_CATALOGUE in the function's environment;
            // empty (application.properties) means the bundled one.
            AdvisorWiring.forThisProcess(
                context.getEnvironment().getProperty("advisor.price-catalogue"), clock));
    context.registerBean(
        AdvisorFunction.NAME,
        FunctionRegistration.class,
        () ->
            new FunctionRegistration<>(
                    new AdvisorFunction(context.getBean(AdvisorApi.class)), AdvisorFunction.NAME)
                .type(ADVISOR_TYPE));
    context.addApplicationListener(
        (ApplicationListener<ApplicationReadyEvent>)
            event -> {
              clock.markReady();
              registerSnapStartHooks(context);
            });
  }

  /** The SnapStart hooks of the application started last; held because CRaC holds them weakly. */
  static List<Resource> snapStartHooks() {
    return snapStartHooks;
  }

  private static void registerSnapStartHooks(GenericApplicationContext context) {
    Resource reseeding = SpringPriming.MessageIdReseeding.register();
    Resource priming =
        SnapStartPriming.register(
            SpringPriming.through(
                context.getBean(FunctionCatalog.class), context.getBean(JsonMapper.class)));
    snapStartHooks = List.of(reseeding, priming);
  }
}
