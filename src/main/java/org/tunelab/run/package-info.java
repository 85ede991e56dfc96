/**
 * Trial execution: command templates with {@code {param}} placeholders split into arguments without
 * a shell, local processes with a timeout, and the report protocol a program uses to hand back its
 * objective value ({@code @tunelab {"value": 0.93}}). The only package that starts processes.
 * Depends on {@code study}, {@code space}, {@code json}.
 */
package org.tunelab.run;
