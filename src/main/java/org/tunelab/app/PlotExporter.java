package org.tunelab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.chart.Figure;
import org.tunelab.chart.FigureExport;

/** Saves a plot as PNG or SVG where the user chooses, writing the file in the background. */
final class PlotExporter {
  private static final Logger LOG = LoggerFactory.getLogger(PlotExporter.class);
  private final TaskExecutor executor;
  private final DialogService dialogs;

  PlotExporter(TaskExecutor executor, DialogService dialogs) {
    this.executor = executor;
    this.dialogs = dialogs;
  }

  /** Asks for a file and writes the whole figure (every panel) there, 1600 x 1000, PNG at double density. */
  void export(Figure figure, String suggestedName) {
    dialogs.showSaveDialog("Export plot", suggestedName.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + ".png", List.of("png", "svg"))
        .ifPresent(file -> executor.execute(() -> write(figure, file)));
  }

  private void write(Figure figure, Path file) {
    try {
      FigureExport.write(figure, file, 1600, 1000, 2);
      LOG.info("exported {}", file);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("export to {} failed", file, e);
      executor.runOnUi(() -> dialogs.showError("Cannot export the plot", file + ": " + e.getMessage(), e));
    }
  }
}
