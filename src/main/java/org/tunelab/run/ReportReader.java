package org.tunelab.run;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.study.Trial;

/**
 * Reads one trial's stdout as it arrives: report-protocol lines, metric patterns and plain numbers.
 * Intermediate values go into the trial at once and the pruner is asked after each; once it says
 * prune, later lines are no longer recorded, so the trial ends with the value it was judged on.
 * Used by one stdout reader thread; the results are read after that thread ended. Public for the
 * remote runners ({@code run.ssh}), which read a remote log the same way.
 */
public final class ReportReader {
  private static final Logger LOG = LoggerFactory.getLogger(ReportReader.class);

  private final Trial trial;
  private final MetricPattern metric;
  private final Runnable onPrune;
  private volatile boolean pruned;
  private volatile String error;
  private List<Double> reported;
  private Double metricValue;
  private Double plainNumber;
  private Integer metricStep;
  private int nextAutoStep;
  private long lineNumber;
  private boolean prunerBroken;

  public ReportReader(Trial trial, MetricPattern metric, Runnable onPrune) {
    this.trial = trial;
    this.metric = metric;
    this.onPrune = onPrune;
  }

  public void accept(String line) {
    lineNumber++;
    if (pruned) return;
    ReportLine report;
    try {
      report = ReportLine.parse(line);
    } catch (IllegalArgumentException e) {
      if (error == null) error = "stdout line " + lineNumber + ": " + e.getMessage();
      return;
    }
    if (report != null) {
      report.attrs().forEach(trial::setUserAttr);
      if (report.constraints() != null) trial.setSystemAttr("constraints", report.constraints());
      if (report.isIntermediate()) intermediate(report.step(), report.values().get(0));
      else if (report.isFinal()) reported = report.values();
      return;
    }
    if (metric != null) {
      if (metric.step() != null) {
        Double step = MetricPattern.find(metric.step(), line);
        if (step != null && step >= 0 && step <= Integer.MAX_VALUE) metricStep = step.intValue();
      }
      Double value = MetricPattern.find(metric.metric(), line);
      if (value != null) {
        metricValue = value;
        intermediate(metricStep != null ? metricStep : nextAutoStep++, value);
        return;
      }
    }
    Double n = ReportLine.plainNumber(line);
    if (n != null) plainNumber = n;
  }

  private void intermediate(int step, double value) {
    trial.report(step, value);
    if (prunerBroken) return;
    boolean prune;
    try {
      prune = trial.shouldPrune();
    } catch (RuntimeException e) {
      // A pruner that cannot judge this study must not fail a trial that is otherwise fine.
      prunerBroken = true;
      LOG.warn("pruner failed on trial {}, not pruning it: {}", trial.number(), e.getMessage());
      return;
    }
    if (prune) {
      pruned = true;
      onPrune.run();
    }
  }

  public boolean pruned() {
    return pruned;
  }

  /** The first malformed report, or {@code null}. */
  public String error() {
    return error;
  }

  /** The values: the last protocol value, else the last metric match, else the last plain number. */
  public List<Double> result() {
    if (reported != null) return reported;
    Double single = metricValue != null ? metricValue : plainNumber;
    return single == null ? null : new ArrayList<>(List.of(single));
  }
}
