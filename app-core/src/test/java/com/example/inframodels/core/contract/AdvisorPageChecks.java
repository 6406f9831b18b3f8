package com.example.inframodels.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.inframodels.testing.Browser;
import com.example.inframodels.testing.Browser.AccessibleNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the page at {@code /} must do in a real browser, on every packaging that serves it: each
 * check opens the page afresh and saves a screenshot under {@code target/page-screenshots/}. {@link
 * AdvisorPageContract} runs each as a test case; a test that holds its artifact for longer (the
 * booted VM) runs them all with {@link #all}.
 */
public final class AdvisorPageChecks {

  /** The colour each model's curve is drawn in, as page.js draws it. */
  private static final Map<String, List<Integer>> CURVE_COLOURS =
      Map.of(
          "BARE_METAL", List.of(0x8c, 0x56, 0x4b),
          "VIRTUAL_MACHINE", List.of(0x1f, 0x77, 0xb4),
          "CONTAINER", List.of(0x2c, 0xa0, 0x2c),
          "SERVERLESS", List.of(0xd6, 0x27, 0x28));

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Browser browser;
  private final URI pageUri;
  private final String expectedModel;
  private final String screenshotName;

  /**
   * @param pageUri where the packaging's artifact serves the page, e.g. {@code
   *     http://127.0.0.1:8080/}
   * @param expectedModel the model the artifact's {@code /runtime} must report where it runs
   * @param screenshotName names the screenshots: {@code <name>-loaded.png} and so on
   */
  public AdvisorPageChecks(
      Browser browser, URI pageUri, String expectedModel, String screenshotName) {
    this.browser = browser;
    this.pageUri = pageUri;
    this.expectedModel = expectedModel;
    this.screenshotName = screenshotName;
  }

  /** Every check, one after the other. */
  public void all() {
    loadsWithoutAConsoleErrorAndNamesTheModel();
    drawsFourCurvesForASubmittedWorkload();
    showsTheProblemBesideTheOffendingField();
    worksWithTheKeyboardAlone();
    labelsEveryControlForAssistiveTechnology();
  }

  public void loadsWithoutAConsoleErrorAndNamesTheModel() {
    open();

    WebElement badge = browser.driver().findElement(By.id("model-badge"));
    assertThat(badge.getDomAttribute("data-model")).isEqualTo(expectedModel);
    assertThat(badge.getText()).isEqualTo(label(expectedModel));
    assertThat(browser.driver().findElements(By.cssSelector("#evidence li")))
        .as("the evidence /runtime gave")
        .isNotEmpty();
    awaitChart(1_000_000);
    screenshot("loaded");
    assertThat(browser.consoleErrors())
        .as("script errors, refused resources (a CDN, say) or content-policy violations")
        .isEmpty();
  }

  public void drawsFourCurvesForASubmittedWorkload() {
    open();
    awaitChart(1_000_000);

    replace("requestsPerMonth", "20000000");
    replace("peakRequestsPerSecond", "40");
    new Select(browser.driver().findElement(By.id("architecture"))).selectByValue("arm64");
    browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

    awaitChart(20_000_000);
    assertThat(script("return window.advisorPage.chart.series.length - 1;"))
        .as("one series per model")
        .isEqualTo(4L);
    for (Map.Entry<String, List<Integer>> curve : CURVE_COLOURS.entrySet()) {
      assertThat(pixelsOfColour(curve.getValue()))
          .as("pixels of the %s curve on the canvas", curve.getKey())
          .isGreaterThan(50L);
    }
    assertThat(browser.driver().findElements(By.cssSelector("#costs tbody tr"))).hasSize(4);
    assertThat(script("return window.advisorPage.estimate.workload.architecture;"))
        .isEqualTo("arm64");
    assertThat(browser.driver().findElement(By.id("break-even")).getText()).isNotBlank();
    screenshot("estimate");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  public void showsTheProblemBesideTheOffendingField() {
    open();
    awaitChart(1_000_000);

    replace("memoryMb", "64");
    browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

    WebElement error = browser.driver().findElement(By.id("memoryMb-error"));
    new WebDriverWait(browser.driver(), PATIENCE)
        .withMessage(() -> "no problem shown beside memoryMb; it says: " + error.getText())
        .until(driver -> !error.getText().isBlank());
    assertThat(error.getText())
        .as("the server's problem detail for the field")
        .isEqualTo("must be between 128 and 10240");
    WebElement memory = browser.driver().findElement(By.id("memoryMb"));
    assertThat(memory.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.driver().switchTo().activeElement()).isEqualTo(memory);
    assertThat(browser.driver().findElement(By.id("requestsPerMonth-error")).getText()).isEmpty();
    screenshot("problem");
  }

  public void worksWithTheKeyboardAlone() {
    open();
    awaitChart(1_000_000);

    List<String> focused = new ArrayList<>();
    Actions keys = new Actions(browser.driver());
    for (int i = 0; i < 12 && !focused.contains("estimate-button"); i++) {
      keys.sendKeys(Keys.TAB).perform();
      WebElement active = browser.driver().switchTo().activeElement();
      String id = active.getDomAttribute("id");
      focused.add(id == null ? active.getTagName() : id);
      if ("requestsPerMonth".equals(id)) {
        keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("3000000").perform();
      }
    }
    keys.sendKeys(Keys.ENTER).perform();

    assertThat(focused)
        .as("Tab reaches every field, in reading order, then the button")
        .containsSubsequence(
            "requestsPerMonth",
            "avgDurationMs",
            "memoryMb",
            "peakRequestsPerSecond",
            "architecture",
            "bareMetal",
            "estimate-button");
    awaitChart(3_000_000);
    screenshot("keyboard");
  }

  public void labelsEveryControlForAssistiveTechnology() {
    open();

    List<AccessibleNode> controls =
        browser.accessibilityTree().stream()
            .filter(
                node -> Set.of("textbox", "spinbutton", "combobox", "button").contains(node.role()))
            .toList();

    assertThat(controls)
        .as("every control has an accessible name")
        .isNotEmpty()
        .allSatisfy(node -> assertThat(node.name()).as(node.toString()).isNotBlank());
    assertThat(controls.stream().map(AccessibleNode::name))
        .contains(
            "Requests per month",
            "Average duration (ms)",
            "Memory (MB)",
            "Peak requests per second (optional)",
            "CPU architecture",
            "Bare metal priced as",
            "Estimate");
  }

  private void open() {
    // The browser's log is read from where the last read stopped: start from an empty one, so a
    // case sees only what its own page logged.
    browser.consoleErrors();
    browser.driver().get(pageUri.toString());
    new WebDriverWait(browser.driver(), PATIENCE)
        .withMessage(() -> "the badge never named a model: " + badgeText())
        .until(driver -> !badgeModel().isEmpty());
  }

  /** Waits until the chart shows the estimate for this volume. */
  private void awaitChart(long requestsPerMonth) {
    new WebDriverWait(browser.driver(), PATIENCE)
        .withMessage(
            () ->
                "no chart for "
                    + requestsPerMonth
                    + " requests a month; the form says: "
                    + browser.driver().findElement(By.id("form-error")).getText())
        .until(
            driver ->
                Long.valueOf(requestsPerMonth)
                    .equals(
                        script(
                            "const p = window.advisorPage; return p.chart && p.estimate"
                                + " && document.getElementById('chart').dataset.series === '4'"
                                + " ? p.estimate.workload.requestsPerMonth : null;")));
  }

  /** Pixels of the chart's canvas within a small distance of {@code rgb} (lines are smoothed). */
  private long pixelsOfColour(List<Integer> rgb) {
    Object count =
        script(
            "const c = document.querySelector('#chart canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0;"
                + " for (let i = 0; i < d.length; i += 4) {"
                + "   const dr = d[i] - arguments[0], dg = d[i + 1] - arguments[1],"
                + "     db = d[i + 2] - arguments[2];"
                + "   if (d[i + 3] > 200 && dr * dr + dg * dg + db * db < 900) n++;"
                + " }"
                + " return n;",
            rgb.get(0),
            rgb.get(1),
            rgb.get(2));
    return (Long) count;
  }

  private void replace(String field, String value) {
    WebElement input = browser.driver().findElement(By.id(field));
    input.clear();
    input.sendKeys(value);
  }

  private String badgeModel() {
    String model = browser.driver().findElement(By.id("model-badge")).getDomAttribute("data-model");
    return model == null ? "" : model;
  }

  private String badgeText() {
    return browser.driver().findElement(By.id("model-badge")).getText();
  }

  private Object script(String javascript, Object... arguments) {
    return browser.driver().executeScript(javascript, arguments);
  }

  private void screenshot(String what) {
    browser.screenshot(Path.of("target", "page-screenshots", screenshotName + "-" + what + ".png"));
  }

  private static String label(String model) {
    return switch (model) {
      case "BARE_METAL" -> "Bare metal";
      case "VIRTUAL_MACHINE" -> "Virtual machine";
      case "CONTAINER" -> "Container";
      case "SERVERLESS" -> "Serverless";
      default -> model;
    };
  }
}
