/**
 * The HTTP adapter for servlet web applications: each request goes straight to the contract ({@link
 * com.example.inframodels.core.api.AdvisorApi}) and its answer straight back, including what Tomcat
 * refuses before any filter runs. Applied as Spring Boot auto-configuration.
 */
package com.example.inframodels.core.web;
