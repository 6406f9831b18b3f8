/**
 * The advisor's metrics for Prometheus, on a port apart from the contract's: {@link
 * com.example.inframodels.core.metrics.MetricsServer}, applied as Spring Boot auto-configuration
 * when a packaging brings Micrometer's Prometheus registry and sets {@code advisor.metrics.port}.
 */
package com.example.inframodels.core.metrics;
