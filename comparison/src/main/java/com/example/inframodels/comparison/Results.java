package com.example.inframodels.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run's stamp, figures, skips and failed steps: what {@code comparison.json} holds.
 *
 * @param runs fresh starts per cold-start figure (the VM's count is in its figures' notes)
 * @param failures steps that threw, with the first line of what they said
 */
public record Results(
    int runs, Stamp stamp, List<Figure> figures, List<Skipped> skipped, List<String> failures) {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public Results {
    figures = List.copyOf(figures);
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
  }

  public static Results read(Path file) throws IOException {
    return JSON.readValue(Files.readString(file), Results.class);
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, JSON.writeValueAsString(this) + "\n");
  }

  /** The figure for one metric of one row, if this run took it. */
  public Optional<Figure> figure(Metric metric, Model model, String subject) {
    return figures.stream()
        .filter(f -> f.metric() == metric && f.model() == model && f.subject().equals(subject))
        .findFirst();
  }

  /** Why one metric of one row is missing, if it was skipped (alone or with its whole row). */
  public Optional<Skipped> skip(Metric metric, Model model, String subject) {
    return skipped.stream()
        .filter(s -> s.model() == model && s.subject().equals(subject))
        .filter(s -> s.metric() == null || s.metric() == metric)
        .findFirst();
  }
}
