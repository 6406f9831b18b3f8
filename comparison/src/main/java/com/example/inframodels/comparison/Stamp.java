package com.example.inframodels.comparison;

/**
 * Where and when a run was taken: what the table's reader needs to judge its absolute figures.
 *
 * @param startedAt UTC, ISO-8601
 * @param commit the repository's {@code HEAD} (with "-dirty" if the tree had changes)
 * @param machine CPU model, cores and memory, as read from {@code /proc}
 * @param os kernel and distribution
 * @param jvm the JVM that ran the harness and, unless a row says otherwise, the service
 * @param loadAverage the one-minute load average at start and at the end
 * @param command what was run
 * @param seconds how long the whole run took
 */
public record Stamp(
    String startedAt,
    String commit,
    String machine,
    String os,
    String jvm,
    String loadAverage,
    String command,
    long seconds) {}
