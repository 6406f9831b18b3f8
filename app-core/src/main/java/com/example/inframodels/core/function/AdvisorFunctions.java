package com.example.inframodels.core.function;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.api.ApiGatewayEvents;
import com.example.inframodels.core.api.ApiRequest;
import com.example.inframodels.core.api.PriceCatalogues;
import com.example.inframodels.core.estimate.Estimator;
import com.example.inframodels.core.estimate.PriceCatalogue;
import com.example.inframodels.core.runtime.RuntimeDetector;
import com.example.inframodels.core.runtime.StartupClock;
import com.example.inframodels.core.runtime.SystemView;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/**
 * The advisor's functions, by name in the catalogue:
 *
 * <ul>
 *   <li>{@value #ADVISOR}: the whole HTTP contract, routed by the {@link AdvisorMessages#METHOD}
 *       and {@link AdvisorMessages#PATH} headers, or taken from an API Gateway event;
 *   <li>{@value #ESTIMATE}: a workload in, an estimate (or a problem) out;
 *   <li>{@value #RUNTIME}: the runtime report.
 * </ul>
 *
 * Responses carry their HTTP status in the {@link AdvisorMessages#STATUS} header.
 */
@AutoConfiguration
@ConditionalOnClass(FunctionCatalog.class)
public class AdvisorFunctions {

  public static final String ADVISOR = "advisor";
  public static final String ESTIMATE = "estimate";
  public static final String RUNTIME = "runtime";

  /** The bundled AWS catalogue unless {@code advisor.price-catalogue} names a JSON file. */
  @Bean
  @ConditionalOnMissingBean
  PriceCatalogue priceCatalogue(@Value("${advisor.price-catalogue:}") String path) {
    return PriceCatalogues.bundledOr(path);
  }

  @Bean
  @ConditionalOnMissingBean
  Estimator estimator(PriceCatalogue prices) {
    return new Estimator(prices);
  }

  @Bean
  @ConditionalOnMissingBean
  StartupClock startupClock() {
    return new StartupClock();
  }

  @Bean
  @ConditionalOnMissingBean
  RuntimeDetector runtimeDetector(StartupClock clock) {
    return new RuntimeDetector(SystemView.live(), clock);
  }

  @Bean
  @ConditionalOnMissingBean
  AdvisorApi advisorApi(Estimator estimator, RuntimeDetector detector) {
    return new AdvisorApi(estimator, detector::detect);
  }

  @Bean(ADVISOR)
  Function<Message<byte[]>, Message<byte[]>> advisorFunction(AdvisorApi api) {
    return advisor(api);
  }

  /**
   * The whole contract. Over HTTP (this module's servlet filter) the request arrives as headers and
   * body; from Spring Cloud Function's AWS adapter as the API Gateway event itself, or as a
   * workload sent directly to the function. Public for packagings that register it in Spring Cloud
   * Function's functional form rather than through this auto-configuration.
   */
  public static Function<Message<byte[]>, Message<byte[]>> advisor(AdvisorApi api) {
    return request ->
        AdvisorMessages.toMessage(
            api.handle(
                request.getHeaders().containsKey(AdvisorMessages.METHOD)
                    ? AdvisorMessages.toApiRequest(request)
                    : ApiGatewayEvents.toApiRequest(request.getPayload())));
  }

  /** A direct call with a workload: the body is taken as JSON unless a content type says else. */
  @Bean(ESTIMATE)
  Function<Message<byte[]>, Message<byte[]>> estimate(AdvisorApi api) {
    return request ->
        AdvisorMessages.toMessage(
            api.handle(
                new ApiRequest(
                    "POST",
                    AdvisorApi.ESTIMATE_PATH,
                    AdvisorMessages.contentType(request).orElse(AdvisorApi.JSON),
                    request.getPayload())));
  }

  @Bean(RUNTIME)
  Supplier<Message<byte[]>> runtime(AdvisorApi api) {
    return () ->
        AdvisorMessages.toMessage(
            api.handle(new ApiRequest("GET", AdvisorApi.RUNTIME_PATH, null, new byte[0])));
  }

  /** Startup time is measured up to the moment the application can serve. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> markReadyOnStartup(StartupClock clock) {
    return event -> clock.markReady();
  }
}
