package com.example.inframodels.core.web;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.spring.AdvisorAutoConfiguration;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationConvention;

/** Puts {@link AdvisorHttpFilter} in front of a servlet web application. */
@AutoConfiguration(after = AdvisorAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(jakarta.servlet.Filter.class)
public class AdvisorWebConfiguration {

  /**
   * After character encoding and request observation, before any filter that reads the body (such
   * as Spring's form-content filter, which would fail on a malformed form instead of letting the
   * contract answer it).
   */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  FilterRegistrationBean<AdvisorHttpFilter> advisorHttpFilter(AdvisorApi api) {
    FilterRegistrationBean<AdvisorHttpFilter> registration =
        new FilterRegistrationBean<>(new AdvisorHttpFilter(api));
    registration.setOrder(ORDER);
    // ERROR too: what the container refuses (a TRACE, say) is answered as a problem detail.
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** Request metrics tagged with the contract's route; see {@link RouteObservationConvention}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ServerRequestObservationConvention.class)
  static class RouteMetrics {
    @Bean
    @ConditionalOnMissingBean(ServerRequestObservationConvention.class)
    ServerRequestObservationConvention routeObservationConvention() {
      return new RouteObservationConvention();
    }
  }

  /** Tomcat answers some malformed requests itself; make those answers problem details too. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({Tomcat.class, TomcatServletWebServerFactory.class})
  static class TomcatErrors {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
      return factory ->
          factory.addContextCustomizers(
              context -> {
                if (context.getParent() instanceof StandardHost host) {
                  host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
              });
    }
  }
}
