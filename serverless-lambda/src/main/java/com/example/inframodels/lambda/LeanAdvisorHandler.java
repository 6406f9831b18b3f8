package com.example.inframodels.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.example.inframodels.core.api.AdvisorApi;
import com.example.inframodels.core.runtime.StartupClock;
import com.example.inframodels.core.wiring.AdvisorWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The advisor on aws-lambda-java-core alone: no framework, app-core's domain and contract called
 * directly. Everything expensive happens once, in the init phase (static initialisation), which is
 * also when the cold start is over. With SnapStart, {@link SnapStartPriming} then warms the
 * contract path before the snapshot.
 */
public final class LeanAdvisorHandler implements RequestStreamHandler {

  private static final StartupClock CLOCK = new StartupClock();

  private static final AdvisorApi API =
      AdvisorWiring.forThisProcess(System.getenv("ADVISOR_PRICE_CATALOGUE"), CLOCK);

  /** Held here: the CRaC context holds its resources weakly. */
  static final SnapStartPriming PRIMING =
      SnapStartPriming.register(SnapStartPriming.of(new LeanAdvisorHandler()));

  static {
    CLOCK.markReady();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    // No context when primed before a snapshot; the runtime's logger is the same one.
    LambdaLogger logger = context == null ? LambdaRuntime.getLogger() : context.getLogger();
    output.write(AccessLog.answer(API, input.readAllBytes(), logger));
  }
}
