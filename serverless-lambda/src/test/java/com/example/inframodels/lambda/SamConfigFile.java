package com.example.inframodels.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads samconfig.toml as far as this module writes it: {@code [dotted.table]} headers and {@code
 * key = value} lines whose value is a basic string, a boolean or a number, with comment and blank
 * lines between. Any other line fails the read rather than being guessed at, so a file SAM CLI's
 * full TOML parser would read differently cannot pass for one this reader understood. A TOML
 * library would be one more dependency for a user's copy of the module, for a six-line file.
 */
final class SamConfigFile {

  private static final Pattern TABLE = Pattern.compile("\\[([A-Za-z0-9_.-]+)]");
  private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_-]+) = (.+)");
  private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private SamConfigFile() {}

  /** Tables by name; the keys before the first header are under {@code ""}. */
  static Map<String, Map<String, Object>> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
    Map<String, Object> table = new LinkedHashMap<>();
    tables.put("", table);
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      Matcher header = TABLE.matcher(line);
      Matcher entry = ENTRY.matcher(line);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      } else if (header.matches()) {
        table = new LinkedHashMap<>();
        if (tables.put(header.group(1), table) != null) {
          throw unreadable(file, number, line, "a table declared twice");
        }
      } else if (entry.matches()) {
        if (table.put(entry.group(1), value(entry.group(2), file, number, line)) != null) {
          throw unreadable(file, number, line, "a key set twice");
        }
      } else {
        throw unreadable(file, number, line, "neither a table header nor a key = value line");
      }
    }
    return tables;
  }

  private static Object value(String text, Path file, int number, String line) {
    Matcher string = STRING.matcher(text);
    if (string.matches()) {
      return string.group(1);
    } else if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    } else if (NUMBER.matcher(text).matches()) {
      return text.contains(".") ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text);
    }
    throw unreadable(file, number, line, "a value that is not a plain string, boolean or number");
  }

  private static AssertionError unreadable(Path file, int number, String line, String what) {
    return new AssertionError(file + ":" + number + ": " + what + ": " + line);
  }
}
