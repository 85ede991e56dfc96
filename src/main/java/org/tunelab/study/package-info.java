/**
 * Studies: the ask/tell loop, the live {@link org.tunelab.study.Trial} an objective suggests
 * parameters from and reports to, and {@code optimize} with a budget, a timeout and parallel
 * workers. A study never knows who evaluates a trial. Depends on {@code storage}, {@code sampler},
 * {@code pruner}, {@code trial} and {@code space}.
 */
package org.tunelab.study;
