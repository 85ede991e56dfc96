/**
 * Built-in objective functions for demos, tests and benchmarks (Branin and friends), evaluated from
 * a trial's parameters by name, and the public benchmark functions with their bounds and global minima.
 * Depends only on {@code space}.
 */
package org.tunelab.functions;
