package org.tunelab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.tunelab.chart.PlotKind;

/**
 * The plot tabs under the trials table: the live optimization history first, then one
 * {@link PlotPane} per plot kind. Only the selected tab computes, so a study of 100,000 trials does
 * not pay for nine plots nobody looks at; the Pareto tab is enabled for studies of 2 or 3 objectives.
 */
final class PlotsView extends TabPane {
  private final List<PlotPane> panes = new ArrayList<>();

  PlotsView(StudyViewModel study, MainViewModel main, IntConsumer selectTrial, HistoryChartView history) {
    setId("plotTabs");
    getStyleClass().add("plot-tabs");
    setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
    Tab historyTab = new Tab("History", history);
    historyTab.setId("tab-history");
    getTabs().add(historyTab);
    for (PlotKind kind : PlotKind.values()) {
      if (kind == PlotKind.HISTORY) continue;
      PlotPane pane = new PlotPane(kind, study.plotInputProperty(), main.themeProperty(), main.context().executor(),
          main.context().dialogs(), selectTrial);
      panes.add(pane);
      Tab tab = new Tab(shortTitle(kind), pane);
      tab.setId("tab-" + kind.cliName());
      tab.selectedProperty().addListener((o, a, selected) -> pane.setShowing(selected));
      if (kind == PlotKind.PARETO) {
        tab.disableProperty().bind(study.objectiveCountProperty().lessThan(2));
      }
      getTabs().add(tab);
    }
  }

  private static String shortTitle(PlotKind kind) {
    switch (kind) {
      case PARALLEL: return "Parallel";
      case INTERMEDIATE: return "Intermediate";
      case EDF: return "EDF";
      case IMPORTANCE: return "Importance";
      case PARETO: return "Pareto";
      default: return kind.title();
    }
  }

  /** The pane of a plot kind (not history). */
  PlotPane pane(PlotKind kind) {
    return panes.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
  }

  /** Shows the tab of {@code kind}. */
  void select(PlotKind kind) {
    getSelectionModel().select(getTabs().stream().filter(t -> t.getId().equals("tab-" + kind.cliName())).findFirst().orElseThrow());
  }
}
