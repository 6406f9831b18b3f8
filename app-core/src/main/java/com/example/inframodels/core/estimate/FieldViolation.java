package com.example.inframodels.core.estimate;

/** One reason a field of a request cannot be accepted. */
public record FieldViolation(String field, String detail) {}
