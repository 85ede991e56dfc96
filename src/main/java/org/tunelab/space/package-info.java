/**
 * Search spaces: float, int and categorical distributions (log scale, steps), parameters that exist
 * only when another parameter has given values, and Optuna's {@code distribution_json} both ways.
 * Depends only on {@code json}.
 */
package org.tunelab.space;
