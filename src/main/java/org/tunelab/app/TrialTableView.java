package org.tunelab.app;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.tunelab.trial.TrialState;

/**
 * The selected study's trials: number, state, value(s), one column per parameter, duration and start
 * time. Sortable by any column; the selected trial stays selected while the study runs.
 */
public final class TrialTableView extends TableView<TrialRow> {
  private static final String FORMAT_KEY = "tunelab.format";
  private final StudyViewModel study;
  private Integer selectedNumber;
  private List<String> shownParams = List.of();
  private List<String> shownAttrs = List.of();
  private int shownObjectives = -1;

  public TrialTableView(StudyViewModel study) {
    this.study = study;
    setId("trialTable");
    getStyleClass().add("trial-table");
    setPlaceholder(new Label("No trials yet"));
    setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    SortedList<TrialRow> sorted = new SortedList<>(study.filteredRows());
    sorted.comparatorProperty().bind(comparatorProperty());
    setItems(sorted);

    study.paramNames().addListener((ListChangeListener<String>) c -> rebuildColumns());
    study.userAttrKeys().addListener((ListChangeListener<String>) c -> rebuildColumns());
    study.objectiveCountProperty().addListener((o, a, b) -> rebuildColumns());
    study.studyIdProperty().addListener((o, a, b) -> selectedNumber = null);
    getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
      if (row != null) selectedNumber = row.number();
    });
    // a finished trial replaces its running row, which may drop the selection: restore it by number
    getItems().addListener((ListChangeListener<TrialRow>) c -> {
      restoreSelection();
      fitColumns();
    });
    rebuildColumns();
  }

  /**
   * Widens columns whose text would be cut off. Only widens, so a column the user made wider stays,
   * and measures a sample of rows, so a study of ten thousand trials does not measure them all.
   */
  private void fitColumns() {
    List<TrialRow> rows = getItems();
    if (rows.isEmpty()) return;
    List<TrialRow> sample = new ArrayList<>(rows.subList(0, Math.min(200, rows.size())));
    if (rows.size() > 200) sample.addAll(rows.subList(Math.max(200, rows.size() - 200), rows.size()));
    Text probe = new Text();
    probe.setFont(Font.font(13));
    for (TableColumn<TrialRow, ?> column : getColumns()) {
      double widest = measure(probe, column.getText()) + 28;
      for (TrialRow row : sample) {
        String text = cellText(column, row);
        if (text != null) widest = Math.max(widest, measure(probe, text) + 22);
      }
      double wanted = Math.min(widest, 260);
      if (wanted > column.getWidth()) column.setPrefWidth(wanted);
    }
  }

  private static double measure(Text probe, String text) {
    probe.setText(text);
    return probe.getLayoutBounds().getWidth();
  }

  @SuppressWarnings("unchecked")
  private static String cellText(TableColumn<TrialRow, ?> column, TrialRow row) {
    var observable = column.getCellObservableValue(row);
    Object value = observable == null ? null : observable.getValue();
    if (value == null) return null;
    Function<Object, String> format = (Function<Object, String>) column.getProperties().get(FORMAT_KEY);
    return format == null ? value.toString() : format.apply(value);
  }

  /** Selects and shows the trial with this number, if the table shows it (a click on a plot point). */
  public void selectTrial(int number) {
    for (int i = 0; i < getItems().size(); i++) {
      if (getItems().get(i).number() == number) {
        getSelectionModel().clearAndSelect(i);
        scrollTo(Math.max(0, i - 3));
        return;
      }
    }
  }

  private void restoreSelection() {
    Integer wanted = selectedNumber;
    if (wanted == null) return;
    TrialRow current = getSelectionModel().getSelectedItem();
    if (current != null && current.number() == wanted) return;
    for (int i = 0; i < getItems().size(); i++) {
      if (getItems().get(i).number() == wanted) {
        getSelectionModel().select(i);
        return;
      }
    }
  }

  private void rebuildColumns() {
    List<String> params = List.copyOf(study.paramNames());
    List<String> attrs = List.copyOf(study.userAttrKeys());
    int objectives = study.objectiveCountProperty().get();
    if (params.equals(shownParams) && attrs.equals(shownAttrs) && objectives == shownObjectives) return;
    shownParams = params;
    shownAttrs = attrs;
    shownObjectives = objectives;
    List<TableColumn<TrialRow, ?>> columns = new ArrayList<>();
    TableColumn<TrialRow, Integer> number = column("#", TrialRow::number, Object::toString, 56);
    number.getStyleClass().add("numeric");
    columns.add(number);
    columns.add(stateColumn());
    for (int i = 0; i < objectives; i++) {
      int objective = i;
      TableColumn<TrialRow, Double> value = column(objectives == 1 ? "Value" : "Value " + i,
          r -> r.value(objective), Formats::number, 110);
      value.getStyleClass().add("numeric");
      columns.add(value);
    }
    for (String p : params) {
      // an absent (conditional) parameter shows empty; a Python None is boxed and shows as "None"
      TableColumn<TrialRow, ParamValue> param = column(p,
          r -> r.params().containsKey(p) ? new ParamValue(r.params().get(p)) : null, ParamValue::toString, 96);
      param.setComparator(Comparator.nullsLast(ParamValue.ORDER));
      param.getStyleClass().add("numeric");
      columns.add(param);
    }
    for (String key : attrs) {
      TableColumn<TrialRow, ParamValue> attr = column("attr " + key,
          r -> r.userAttrs().containsKey(key) ? new ParamValue(r.userAttrs().get(key)) : null, ParamValue::toString, 96);
      attr.setComparator(Comparator.nullsLast(ParamValue.ORDER));
      columns.add(attr);
    }
    TableColumn<TrialRow, Duration> duration = column("Duration", TrialRow::duration, Formats::duration, 90);
    duration.getStyleClass().add("numeric");
    columns.add(duration);
    columns.add(column("Started", TrialRow::started, Formats::started, 172));
    getColumns().setAll(columns);
  }

  private TableColumn<TrialRow, TrialState> stateColumn() {
    TableColumn<TrialRow, TrialState> state = new TableColumn<>("State");
    state.setPrefWidth(96);
    state.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().state()));
    state.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(TrialState s, boolean empty) {
        super.updateItem(s, empty);
        getStyleClass().removeIf(k -> k.startsWith("state-"));
        if (empty || s == null) {
          setText(null);
          return;
        }
        setText(s.name());
        getStyleClass().add("state-" + s.name().toLowerCase(Locale.ROOT));
      }
    });
    return state;
  }

  private static <T> TableColumn<TrialRow, T> column(String title, Function<TrialRow, T> value,
      Function<T, String> format, double width) {
    TableColumn<TrialRow, T> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    c.setCellFactory(col -> new FormattedCell<>(format));
    c.getProperties().put(FORMAT_KEY, format);
    return c;
  }

  /** A parameter's value, boxed so that a Python {@code None} differs from "not used by this trial". */
  record ParamValue(Object value) {
    /** Numbers by value, then everything else by text; mixed categorical choices still sort stably. */
    static final Comparator<ParamValue> ORDER = (a, b) -> {
      if (a.value() instanceof Number x && b.value() instanceof Number y) {
        return Double.compare(x.doubleValue(), y.doubleValue());
      }
      if (a.value() instanceof Number) return -1;
      if (b.value() instanceof Number) return 1;
      return Formats.param(a.value()).compareTo(Formats.param(b.value()));
    };

    @Override
    public String toString() {
      return Formats.param(value);
    }
  }

  /** A cell that shows its item through a formatter; {@code null} shows as empty. */
  private static final class FormattedCell<T> extends TableCell<TrialRow, T> {
    private final Function<T, String> format;

    FormattedCell(Function<T, String> format) {
      this.format = format;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : format.apply(item));
    }
  }
}
