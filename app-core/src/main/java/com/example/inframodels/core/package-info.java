/**
 * The infrastructure advisor, shared by every packaging. Sub-packages by feature: {@code estimate}
 * and {@code runtime} hold the framework-free domain, {@code catalogue} reads the prices, {@code
 * api} is the HTTP/event contract, {@code wiring} assembles it without a framework, {@code spring}
 * and {@code web} assemble it in a Spring Boot application and serve it over HTTP.
 */
package com.example.inframodels.core;
