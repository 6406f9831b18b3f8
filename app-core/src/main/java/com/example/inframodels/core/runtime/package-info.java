/**
 * Which infrastructure model the running instance is on, and the evidence for it. Reads the
 * environment and the filesystem through {@link com.example.inframodels.core.runtime.SystemView},
 * so that tests can stage every model without being on it.
 */
package com.example.inframodels.core.runtime;
