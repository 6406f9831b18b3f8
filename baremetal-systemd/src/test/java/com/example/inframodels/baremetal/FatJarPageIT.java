package com.example.inframodels.baremetal;

import com.example.inframodels.core.contract.AdvisorPageContract;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The page at {@code /}, in Chromium, served by the fat JAR running as a separate process. */
class FatJarPageIT extends AdvisorPageContract {

  private static FatJarProcess app;

  @BeforeAll
  static void startTheJar() throws Exception {
    app = FatJarProcess.start("fat-jar-page");
    app.awaitReady();
  }

  @AfterAll
  static void stopTheJar() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Override
  protected URI pageUri() {
    return app.baseUri();
  }

  @Override
  protected String expectedModel() {
    try {
      return FatJarContractIT.modelAccordingToSystemd();
    } catch (Exception e) {
      throw new IllegalStateException("systemd-detect-virt could not be asked", e);
    }
  }

  @Override
  protected String screenshotName() {
    return "fat-jar";
  }
}
