/**
 * Built-in objective functions for demos, tests and benchmarks (Branin and friends), evaluated from
 * a trial's parameters by name. Depends on nothing else in TuneLab.
 */
package org.tunelab.functions;
