package com.example.inframodels.core.web;

import com.example.inframodels.core.api.AdvisorApi;
import io.micrometer.common.KeyValue;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Names the {@code uri} of Spring's {@code http.server.requests} after the contract's route. {@link
 * AdvisorHttpFilter} answers before Spring MVC maps a handler, so without it every request the
 * contract answers would be {@code uri=UNKNOWN}; with it, {@code /estimate}, {@code /runtime} (the
 * contract's routes, whatever they are) or {@code UNMATCHED}, a bounded set of values whatever
 * paths clients send. The probes, which Spring MVC maps, keep their handler's pattern.
 */
class RouteObservationConvention extends DefaultServerRequestObservationConvention {

  @Override
  protected KeyValue uri(ServerRequestObservationContext context) {
    String path = AdvisorHttpFilter.path(context.getCarrier());
    if (AdvisorHttpFilter.isActuator(path)) {
      KeyValue mapped = super.uri(context);
      if (!mapped.getValue().equals("UNKNOWN")) {
        return mapped;
      }
    }
    return KeyValue.of("uri", AdvisorApi.route(path));
  }
}
