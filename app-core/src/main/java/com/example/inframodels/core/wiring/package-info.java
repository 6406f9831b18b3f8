/**
 * Plain-Java assembly of the advisor (catalogue, estimator, runtime detector, contract) for entry
 * points that have no dependency injector.
 */
package com.example.inframodels.core.wiring;
