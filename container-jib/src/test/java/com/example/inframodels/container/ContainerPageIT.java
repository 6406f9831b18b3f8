package com.example.inframodels.container;

import com.example.inframodels.core.contract.AdvisorPageContract;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The page at {@code /}, in Chromium, served by the image Jib built, running as a container. */
class ContainerPageIT extends AdvisorPageContract {

  private static AdvisorContainer container;

  @BeforeAll
  static void startTheImage() throws Exception {
    ContainerEngine.client();
    container = new AdvisorContainer(ContainerEngine.image());
    container.start();
  }

  @AfterAll
  static void stopTheImage() {
    if (container != null) {
      container.stop();
    }
  }

  @Override
  protected URI pageUri() {
    return container.baseUri();
  }

  @Override
  protected String expectedModel() {
    return "CONTAINER";
  }

  @Override
  protected String screenshotName() {
    return "container";
  }
}
