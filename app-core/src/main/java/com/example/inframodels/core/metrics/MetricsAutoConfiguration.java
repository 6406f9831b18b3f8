package com.example.inframodels.core.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;

/**
 * Serves the Prometheus registry Spring Boot configures (actuator plus {@code
 * micrometer-registry-prometheus}) on {@code advisor.metrics.port}; nothing when the port is unset
 * or 0. Started and stopped with the application context.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus"
            + ".PrometheusMetricsExportAutoConfiguration")
@ConditionalOnClass(PrometheusMeterRegistry.class)
@ConditionalOnBean(PrometheusMeterRegistry.class)
@ConditionalOnExpression("${advisor.metrics.port:0} > 0")
public class MetricsAutoConfiguration {

  @Bean
  MetricsServer advisorMetricsServer(
      PrometheusMeterRegistry registry, @Value("${advisor.metrics.port}") int port) {
    // Every interface, as the public port: a container's or a VM's scraper comes from outside.
    return new MetricsServer(registry, new InetSocketAddress(port));
  }
}
