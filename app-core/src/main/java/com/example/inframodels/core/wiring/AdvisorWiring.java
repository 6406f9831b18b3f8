package com.example.inframodels.core.wiring;

import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.catalogue.PriceCatalogues;
import com.example.inframodels.core.estimate.Estimator;
import com.example.inframodels.core.runtime.RuntimeDetector;
import com.example.inframodels.core.runtime.StartupClock;
import com.example.inframodels.core.runtime.SystemView;

/**
 * The advisor assembled by hand, for entry points without a dependency injector (a plain Lambda
 * handler, Spring Cloud Function's functional form). app-core's Spring auto-configuration wires the
 * same parts as separate beans.
 */
public final class AdvisorWiring {

  private AdvisorWiring() {}

  /**
   * The contract as this process serves it: prices from the catalogue file at {@code
   * priceCataloguePath} (the bundled one when it is null or blank), runtime read from this machine,
   * startup time as {@code clock} records it.
   */
  public static AdvisorApi forThisProcess(String priceCataloguePath, StartupClock clock) {
    return new AdvisorApi(
        new Estimator(PriceCatalogues.bundledOr(priceCataloguePath)),
        new RuntimeDetector(SystemView.live(), clock)::detect);
  }
}
