package com.example.inframodels.comparison;

/** The four models, plus the outside references measured in the same run. */
public enum Model {
  BARE_METAL("Bare metal"),
  VIRTUAL_MACHINE("Virtual machine"),
  CONTAINER("Container"),
  SERVERLESS("Serverless"),
  REFERENCE("Reference");

  public final String title;

  Model(String title) {
    this.title = title;
  }
}
