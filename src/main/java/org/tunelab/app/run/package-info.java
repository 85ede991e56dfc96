/**
 * Running and steering studies from the desktop app: launching {@code tunelab run SPEC} as a
 * background process ({@link org.tunelab.run.BackgroundRun}), the run panel (state, progress against
 * the budget, ETA, running trials, failures, live trial output), pause/resume/slots/stop and killing
 * or re-running single trials, all through the store, and what happens when the window closes while
 * a run goes on. Depends on {@code app}, {@code run}, {@code spec}, {@code storage} and {@code study};
 * like all of {@code app}, it is the only kind of code allowed to touch JavaFX.
 */
package org.tunelab.app.run;
