/**
 * The {@code auto} sampler: picks GP-BO, TPE or NSGA-II from the study's objectives and search space
 * and delegates to it. Depends on {@code sampler} and its sub-packages {@code gp}, {@code tpe} and {@code nsga2}.
 */
package org.tunelab.sampler.auto;
