/**
 * Trial execution: command templates split into arguments without a shell, the report protocol
 * ({@code @tunelab {"value": 0.93}}), {@link org.tunelab.run.TrialRunner}s that run a trial's program
 * with logs, timeouts and graceful pruning, and the {@link org.tunelab.run.LocalExecutor} that runs a
 * study's trials in parallel slots with GPUs, heartbeats, pause/resume/stop through the store and
 * recovery of trials whose runner died. The only package that starts processes. Depends on
 * {@code study}, {@code storage}, {@code trial}, {@code space} and {@code json}.
 */
package org.tunelab.run;
