/**
 * The four models measured side by side in one run on one machine: the harness ({@link
 * Comparison}), what it measures per model (one {@link Section} each), and what it writes (JSON, a
 * Markdown table, charts).
 */
package com.example.inframodels.comparison;
