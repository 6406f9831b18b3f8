package com.example.inframodels.core.spring;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.catalogue.PriceCatalogues;
import com.example.inframodels.core.estimate.Estimator;
import com.example.inframodels.core.estimate.PriceCatalogue;
import com.example.inframodels.core.runtime.RuntimeDetector;
import com.example.inframodels.core.runtime.StartupClock;
import com.example.inframodels.core.runtime.SystemView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The advisor's parts as beans, for any Spring Boot application that has app-core on its classpath:
 * the price catalogue, the estimator, the runtime detector and the contract ({@link AdvisorApi})
 * that an adapter calls. Each can be replaced by declaring a bean of its type.
 */
@AutoConfiguration
public class AdvisorAutoConfiguration {

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

  /** Startup time is measured up to the moment the application can serve. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> markReadyOnStartup(StartupClock clock) {
    return event -> clock.markReady();
  }
}
