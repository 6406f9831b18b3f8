/**
 * What every packaging's tests need from the machine, apart from the advisor's contract: programs
 * run with a deadline ({@link com.example.inframodels.testing.ExternalCommand}), processes started
 * with their output kept ({@link com.example.inframodels.testing.LaunchedProcess}), tools a test
 * requires (skipped with a reason where missing, failed in CI), {@code /proc/PID/status}, and raw
 * HTTP on a socket.
 */
package com.example.inframodels.testing;
