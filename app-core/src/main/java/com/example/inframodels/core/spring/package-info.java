/**
 * Spring Boot wiring: the advisor's parts as beans, applied as auto-configuration. The domain and
 * the contract know nothing of it; a handler without Spring uses {@code core.wiring} instead.
 */
package com.example.inframodels.core.spring;
