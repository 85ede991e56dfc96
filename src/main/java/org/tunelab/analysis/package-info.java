/**
 * Plot-ready data computed from trials, as plain immutable records: what a chart shows, without how it
 * is drawn. The desktop app and the headless plot export both draw from these records. Depends on
 * {@code trial} only; never on a plotting or UI library.
 */
package org.tunelab.analysis;
