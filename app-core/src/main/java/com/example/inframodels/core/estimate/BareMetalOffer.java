package com.example.inframodels.core.estimate;

/**
 * Which kind of physical server the bare-metal model is priced on: the cloud's bare-metal
 * instances, billed by the hour (the default, from the same provider as the other models), or a
 * rented dedicated server billed by the month, which is what a small service usually runs on when
 * it runs on its own hardware.
 */
public enum BareMetalOffer {
  CLOUD("cloud"),
  DEDICATED("dedicated");

  private final String id;

  BareMetalOffer(String id) {
    this.id = id;
  }

  /** The name in requests and responses. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
