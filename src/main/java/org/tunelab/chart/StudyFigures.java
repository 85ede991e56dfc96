package org.tunelab.chart;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunelab.analysis.ContourSurface;
import org.tunelab.analysis.EmpiricalDistribution;
import org.tunelab.analysis.IntermediateValues;
import org.tunelab.analysis.OptimizationHistory;
import org.tunelab.analysis.ParallelCoordinates;
import org.tunelab.analysis.ParamAxis;
import org.tunelab.analysis.ParetoFront;
import org.tunelab.analysis.RankPlot;
import org.tunelab.analysis.SlicePlot;
import org.tunelab.analysis.Timeline;
import org.tunelab.analysis.importance.FanovaEvaluator;
import org.tunelab.analysis.importance.ImportanceEvaluator;
import org.tunelab.analysis.importance.InsufficientTrialsException;
import org.tunelab.analysis.importance.ParamImportances;
import org.tunelab.analysis.importance.PedAnovaEvaluator;
import org.tunelab.trial.StudyDirection;

/**
 * Computes a plot's analysis record and draws it: the one place that knows which record each
 * {@link PlotKind} needs. {@code tunelab plot} and the app's export both go through here, so a file
 * written from either shows the same.
 */
public final class StudyFigures {
  /** How many parameters a contour matrix pairs when none are chosen (the most important ones). */
  static final int DEFAULT_PAIRED_PARAMS = 3;

  private StudyFigures() {}

  /**
   * The figure of {@code kind} for the first study (plots that compare studies draw them all).
   *
   * @param params the parameters to show; empty for the default (all, or the most important for
   *     contour and rank)
   * @param evaluator for importance, and for choosing default contour and rank parameters
   * @throws IllegalArgumentException when the plot does not apply (a Pareto front of one objective)
   */
  public static Figure figure(PlotKind kind, List<StudyTrials> studies, int objective, List<String> params,
      ImportanceEvaluator evaluator, ChartPalette p, LocalDateTime now) {
    StudyTrials s = studies.get(0);
    StudyDirection direction = s.direction(objective);
    String valueLabel = s.directions().size() > 1 ? "Objective " + objective : "Objective value";
    switch (kind) {
      case HISTORY: {
        Map<String, OptimizationHistory> h = new LinkedHashMap<>();
        for (StudyTrials st : studies) h.put(st.name(), OptimizationHistory.of(st.trials(), st.directions(), objective));
        return titled(kind, studies, HistoryChart.create(h, p), p);
      }
      case IMPORTANCE:
        return titled(kind, studies, ImportanceChart.create(evaluator.evaluate(s.trials(), s.directions(), objective), p), p);
      case SLICE:
        return SliceChart.create(SlicePlot.of(s.trials(), objective, params), valueLabel, p);
      case CONTOUR:
        return contour(s, objective, params.isEmpty() ? important(s, objective, evaluator) : params, valueLabel, p);
      case PARETO:
        return ParetoChart.create(ParetoFront.of(s.trials(), s.directions(), null), p);
      case PARALLEL:
        return titled(kind, studies, ParallelChart.create(ParallelCoordinates.of(s.trials(), objective, params), direction, p), p);
      case INTERMEDIATE:
        return titled(kind, studies, IntermediateChart.create(IntermediateValues.of(s.trials()), p), p);
      case EDF: {
        Map<String, List<org.tunelab.trial.FrozenTrial>> m = new LinkedHashMap<>();
        for (StudyTrials st : studies) m.put(st.name(), st.trials());
        return titled(kind, studies, EdfChart.create(EmpiricalDistribution.of(m, objective), p), p);
      }
      case TIMELINE:
        return titled(kind, studies, TimelineChart.create(Timeline.of(s.trials(), now), p), p);
      case RANK:
        return RankChart.create(RankPlot.of(s.trials(), objective, params.isEmpty() ? important(s, objective, evaluator) : params),
            direction == StudyDirection.MINIMIZE, p);
      default:
        throw new IllegalArgumentException("unknown plot kind " + kind);
    }
  }

  private static Figure titled(PlotKind kind, List<StudyTrials> studies, org.jfree.chart.JFreeChart chart, ChartPalette p) {
    String names = studies.size() == 1 ? studies.get(0).name() : studies.size() + " studies";
    return new Figure(kind.title() + " — " + names, List.of(chart), 1, p);
  }

  private static Figure contour(StudyTrials s, int objective, List<String> params, String valueLabel, ChartPalette p) {
    List<org.jfree.chart.JFreeChart> panels = new ArrayList<>();
    for (int a = 0; a < params.size(); a++) {
      for (int b = a + 1; b < params.size(); b++) {
        ContourSurface c = ContourSurface.of(s.trials(), params.get(a), params.get(b), objective, s.direction(objective));
        panels.add(ContourChart.create(c, s.direction(objective), valueLabel, p));
      }
    }
    if (panels.isEmpty()) panels.add(Placeholder.chart("A contour plot needs two parameters", p));
    return new Figure("Contour — " + s.name(), panels, Math.min(3, panels.size()), p);
  }

  /**
   * The most important parameters (at most {@value #DEFAULT_PAIRED_PARAMS}), or the first by name when
   * importance cannot be assessed. fANOVA is exact but grows with the trial count, so large studies
   * are ranked with PED-ANOVA instead.
   */
  static List<String> important(StudyTrials s, int objective, ImportanceEvaluator evaluator) {
    ImportanceEvaluator e = evaluator instanceof FanovaEvaluator && s.trials().size() > 5000 ? new PedAnovaEvaluator() : evaluator;
    try {
      ParamImportances imp = e.evaluate(s.trials(), s.directions(), objective);
      List<String> top = imp.ranking();
      if (top.size() >= 2) return top.subList(0, Math.min(DEFAULT_PAIRED_PARAMS, top.size()));
    } catch (InsufficientTrialsException ignored) {
      // too few trials to rank: the names decide
    }
    List<String> names = ParamAxis.paramNames(s.trials());
    return names.subList(0, Math.min(DEFAULT_PAIRED_PARAMS, names.size()));
  }
}
