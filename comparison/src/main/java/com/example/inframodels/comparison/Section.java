package com.example.inframodels.comparison;

import java.util.List;

/**
 * What the run measures for one model (or for all of them, like sizes and costs): its steps, each
 * with an expected duration so that progress can estimate what remains.
 */
public interface Section {

  /** A short name, as {@code -Dcomparison.only} takes it. */
  String name();

  /** The steps, in order; decided before anything runs, so that the total is known. */
  List<Step> steps(Options options);
}
