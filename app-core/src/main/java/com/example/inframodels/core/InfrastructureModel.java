package com.example.inframodels.core;

/** The four ways to run the same service, from most to least infrastructure you own. */
public enum InfrastructureModel {
  BARE_METAL,
  VIRTUAL_MACHINE,
  CONTAINER,
  SERVERLESS
}
