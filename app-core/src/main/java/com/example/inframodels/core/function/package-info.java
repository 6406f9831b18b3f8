/**
 * Spring Cloud Function wiring: registers the advisor's functions in the function catalogue, so
 * that any Spring Cloud Function adapter (web, AWS Lambda, ...) serves the same contract. Applied
 * as Spring Boot auto-configuration when Spring Cloud Function is on the classpath.
 */
package com.example.inframodels.core.function;
