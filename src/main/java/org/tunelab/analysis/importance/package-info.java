/**
 * Parameter importance: which parameters explain the objective. fANOVA (a random forest as Optuna
 * configures it, decomposed into per-parameter marginal variances) and PED-ANOVA (how differently the
 * top trials are distributed from all trials). Results are plain records, as everywhere in
 * {@code analysis}. Depends on {@code trial} and {@code space} only.
 */
package org.tunelab.analysis.importance;
