/**
 * The infrastructure advisor, shared by every packaging. Sub-packages by feature: {@code estimate}
 * and {@code runtime} hold the framework-free domain, {@code api} the HTTP/event contract, {@code
 * function} and {@code web} the Spring wiring that exposes it.
 */
package com.example.inframodels.core;
