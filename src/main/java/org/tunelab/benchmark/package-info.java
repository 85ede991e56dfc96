/**
 * The engine side of {@code tunelab bench}: runs a public benchmark function with a sampler over
 * seeds, records the best value after each budget and its regret, summarises regret over seeds,
 * and measures sampler overhead. Prints nothing; commands and test mains format the results.
 * Depends on {@code functions}, {@code sampler} (and its sub-packages), {@code study} and {@code storage}.
 */
package org.tunelab.benchmark;
