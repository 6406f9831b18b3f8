package com.example.inframodels.comparison;

/**
 * A figure this run could not take, and why: the table shows the reason where the figure would be.
 *
 * @param metric {@code null} when the whole subject could not be measured
 * @param reason names what is missing ("podman not on PATH", "no --scf-sample jar given")
 */
public record Skipped(Metric metric, Model model, String subject, String reason) {}
