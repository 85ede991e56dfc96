/**
 * JSON exactly as Python's {@code json.dumps} writes it, so that values TuneLab stores (distributions,
 * attributes) are byte-identical to Optuna's and Python reads them back unchanged. Depends on nothing
 * but Jackson for parsing.
 */
package org.tunelab.json;
