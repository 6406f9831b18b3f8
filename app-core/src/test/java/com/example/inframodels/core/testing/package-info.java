/**
 * Test support every packaging's tests share, published in app-core's test-jar with the contract:
 * external programs run with a deadline, and tools a test needs from the machine (skipped with a
 * reason where missing, failed under CI=true).
 */
package com.example.inframodels.core.testing;
