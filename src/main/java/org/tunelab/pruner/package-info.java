/**
 * Pruners decide, from a running trial's intermediate values and the study's other trials, whether
 * to stop it early. Depends on {@code trial}.
 */
package org.tunelab.pruner;
