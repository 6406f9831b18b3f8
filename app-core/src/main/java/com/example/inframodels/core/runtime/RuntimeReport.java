package com.example.inframodels.core.runtime;

import com.example.inframodels.core.InfrastructureModel;
import java.util.List;

/**
 * Where this instance runs, and what it has to run with.
 *
 * @param model the infrastructure model detected
 * @param evidence the observations that decided it, most decisive first
 * @param supervisor what starts and restarts the process ({@code systemd}, {@code kubernetes},
 *     {@code lambda}), or {@code null} when nothing known does
 * @param supervisorEvidence the observations behind {@code supervisor}
 * @param uid the user id the process runs as (from /proc/self/status), or {@code null} when unknown
 * @param javaVersion the running JVM's version
 * @param javaVendor the running JVM's vendor
 * @param availableProcessors CPUs the JVM may use (a container's CPU limit shows here)
 * @param maxHeapBytes the heap the JVM may grow to
 * @param memoryLimitBytes the cgroup memory limit that applies (a container's, or systemd's {@code
 *     MemoryMax=}), or {@code null} when there is none
 * @param startupTimeMs from JVM start to ready to serve, or {@code null} before that
 */
public record RuntimeReport(
    InfrastructureModel model,
    List<String> evidence,
    String supervisor,
    List<String> supervisorEvidence,
    Long uid,
    String javaVersion,
    String javaVendor,
    int availableProcessors,
    long maxHeapBytes,
    Long memoryLimitBytes,
    Long startupTimeMs) {}
