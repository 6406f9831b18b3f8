package com.example.inframodels.lambda;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring path's application: Spring Cloud Function's {@code FunctionInvoker} (the Lambda
 * handler) starts it, and app-core's auto-configuration puts the advisor's functions in the
 * catalogue. No main method: Lambda, not a JVM launcher, is the entry point.
 */
@SpringBootApplication
public class SpringAdvisorApplication {}
