package com.example.inframodels.lambda;

import com.example.inframodels.core.contract.AdvisorContract;
import com.example.inframodels.core.contract.ContractClient;

/**
 * The whole contract through the lean handler, each request as the API Gateway HTTP API event
 * (payload 2.0) Lambda would hand it. In process: the Lambda runtime's own IT runs the same cases
 * through the built jar.
 */
class LeanHandlerContractTest extends AdvisorContract {

  private final LeanAdvisorHandler handler = new LeanAdvisorHandler();

  @Override
  protected ContractClient client() {
    return request ->
        HttpApiEvents.response(InProcess.invoke(handler, HttpApiEvents.event(request)));
  }
}
