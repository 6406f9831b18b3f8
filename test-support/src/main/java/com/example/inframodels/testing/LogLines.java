package com.example.inframodels.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A program's log as lines, read afresh from wherever it is kept (a file, a container's output, the
 * journal), so a test can ask what one request of its own added: {@link #mark()} before it, {@link
 * #awaitExactlyOne} after. Polls with a deadline itself rather than through Awaitility, whose
 * Hamcrest dependency the build allows in test scope only.
 */
public final class LogLines {

  /** How long a line, once seen, must stay the only one: a second one may be on its way. */
  static final Duration SETTLE = Duration.ofMillis(500);

  private final Supplier<String> source;
  private int mark;

  public LogLines(Supplier<String> source) {
    this.source = source;
  }

  /** From now on, {@link #sinceMark()} holds only what the program logs after this call. */
  public LogLines mark() {
    mark = complete().size();
    return this;
  }

  /** The whole lines logged since {@link #mark()}; a line still being written is left out. */
  public List<String> sinceMark() {
    List<String> lines = complete();
    return lines.subList(Math.min(mark, lines.size()), lines.size());
  }

  /**
   * The one line since the mark that {@code matches}, once it has been the only one for a moment;
   * fails with every line since the mark if none appears within {@code atMost} or more than one
   * does.
   */
  public String awaitExactlyOne(Predicate<String> matches, String description, Duration atMost)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(atMost);
    Instant onlyOneSince = null;
    List<String> found = sinceMark().stream().filter(matches).toList();
    while (found.size() <= 1) {
      Instant now = Instant.now();
      if (found.size() == 1) {
        onlyOneSince = onlyOneSince == null ? now : onlyOneSince;
        if (!now.isBefore(onlyOneSince.plus(SETTLE))) {
          return found.get(0);
        }
      } else if (!now.isBefore(deadline)) {
        break;
      }
      Thread.sleep(50);
      found = sinceMark().stream().filter(matches).toList();
    }
    throw new AssertionError(
        "expected exactly one line since the mark ("
            + description
            + "), found "
            + found.size()
            + " within "
            + atMost
            + "\n--- lines since the mark ---\n"
            + String.join("\n", sinceMark()));
  }

  private List<String> complete() {
    String text = source.get();
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : Arrays.asList(text.substring(0, end).split("\n", -1));
  }
}
