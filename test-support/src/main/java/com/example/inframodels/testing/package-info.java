/**
 * What every packaging's tests need from the machine, apart from the advisor's contract: programs
 * run with a deadline ({@link com.example.inframodels.testing.ExternalCommand}), processes started
 * with their output kept ({@link com.example.inframodels.testing.LaunchedProcess}), tools a test
 * requires (skipped with a reason where missing, failed in CI), {@code /proc/PID/status}, a
 * program's log read as lines ({@link com.example.inframodels.testing.LogLines}), a Prometheus
 * scrape read into samples, free ports ({@link com.example.inframodels.testing.FreePorts}), and raw
 * HTTP on a socket.
 */
package com.example.inframodels.testing;
