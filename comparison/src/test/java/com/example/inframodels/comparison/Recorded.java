package com.example.inframodels.comparison;

import java.util.ArrayList;
import java.util.List;

/** What a section recorded, for the sections' tests. */
final class Recorded implements Recorder {
  final List<Figure> figures = new ArrayList<>();
  final List<Skipped> skipped = new ArrayList<>();
  final List<String> progress = new ArrayList<>();

  @Override
  public void figure(Figure figure) {
    figures.add(figure);
  }

  @Override
  public void skip(Skipped skip) {
    skipped.add(skip);
  }

  @Override
  public void progress(String detail) {
    progress.add(detail);
  }
}
