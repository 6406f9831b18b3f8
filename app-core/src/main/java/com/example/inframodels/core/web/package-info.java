/**
 * Servlet wiring: serves the advisor's contract over HTTP by passing each request to the {@code
 * advisor} function of the Spring Cloud Function catalogue. Applied as Spring Boot
 * auto-configuration in servlet web applications.
 */
package com.example.inframodels.core.web;
