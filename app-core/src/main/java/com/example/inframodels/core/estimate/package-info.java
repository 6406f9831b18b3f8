/**
 * Cost estimation: what a workload costs per month on each infrastructure model, which is cheapest,
 * and where serverless stops being the cheaper choice. Plain Java, no framework: a handler of any
 * kind can call {@link com.example.inframodels.core.estimate.Estimator} directly.
 */
package com.example.inframodels.core.estimate;
