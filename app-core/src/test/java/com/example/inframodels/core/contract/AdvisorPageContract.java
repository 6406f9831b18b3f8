package com.example.inframodels.core.contract;

import com.example.inframodels.testing.Browser;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page at {@code /}, in a real browser, identical on every packaging that serves it. A
 * packaging's test extends this class, says where its real artifact answers and which model it must
 * report, and every check of {@link AdvisorPageChecks} runs against it as a case of its own.
 */
public abstract class AdvisorPageContract {

  private static Browser browser;

  /** Where the packaging's artifact serves the page, e.g. {@code http://127.0.0.1:8080/}. */
  protected abstract URI pageUri();

  /** The model the artifact's {@code /runtime} must report where this test runs it. */
  protected abstract String expectedModel();

  /** Names this packaging's screenshots: {@code <name>-loaded.png} and so on. */
  protected abstract String screenshotName();

  @BeforeAll
  static void openTheBrowser() {
    browser = Browser.headless();
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private AdvisorPageChecks checks() {
    return new AdvisorPageChecks(browser, pageUri(), expectedModel(), screenshotName());
  }

  @Test
  void loadsWithoutAConsoleErrorAndNamesTheModel() {
    checks().loadsWithoutAConsoleErrorAndNamesTheModel();
  }

  @Test
  void drawsFourCurvesForASubmittedWorkload() {
    checks().drawsFourCurvesForASubmittedWorkload();
  }

  @Test
  void showsTheProblemBesideTheOffendingField() {
    checks().showsTheProblemBesideTheOffendingField();
  }

  @Test
  void worksWithTheKeyboardAlone() {
    checks().worksWithTheKeyboardAlone();
  }

  @Test
  void labelsEveryControlForAssistiveTechnology() {
    checks().labelsEveryControlForAssistiveTechnology();
  }
}
