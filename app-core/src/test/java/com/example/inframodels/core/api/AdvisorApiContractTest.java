package com.example.inframodels.core.api;

import com.example.inframodels.core.catalogue.PriceCatalogues;
import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractClient;
import com.example.inframodels.core.contract.ContractResponse;
import com.example.inframodels.core.estimate.Estimator;
import com.example.inframodels.core.runtime.RuntimeDetector;
import com.example.inframodels.core.runtime.StartupClock;
import com.example.inframodels.core.runtime.SystemView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The contract, in process: the fastest feedback on {@link AdvisorApi} itself. */
class AdvisorApiContractTest extends AdvisorContract {

  private final AdvisorApi api;

  AdvisorApiContractTest() {
    StartupClock clock = new StartupClock();
    clock.markReady(Instant.now().plusMillis(5));
    api =
        new AdvisorApi(
            new Estimator(PriceCatalogues.bundled()),
            new RuntimeDetector(SystemView.live(), clock)::detect);
  }

  @Override
  protected ContractClient client() {
    return request -> {
      byte[] body = request.body();
      // Adapters never hand over more than the limit plus one byte.
      if (body.length > AdvisorApi.MAX_BODY_BYTES + 1) {
        body = java.util.Arrays.copyOf(body, AdvisorApi.MAX_BODY_BYTES + 1);
      }
      ApiResponse response =
          api.handle(new ApiRequest(request.method(), request.path(), request.contentType(), body));
      return new ContractResponse(
          response.status(),
          response.headers(),
          new String(response.body(), StandardCharsets.UTF_8));
    };
  }
}
