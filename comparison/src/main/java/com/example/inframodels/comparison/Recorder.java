package com.example.inframodels.comparison;

/** What a step reports to: the figures it took, what it could not take, and how far it is. */
public interface Recorder {

  void figure(Figure figure);

  void skip(Skipped skipped);

  /** Progress within the current step, e.g. "run 3 of 5". */
  void progress(String detail);
}
