package org.tunelab.app.design;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Where to run and for how long: local slots and GPUs, the SSH hosts (add, edit, remove, test the
 * connection with the checks of {@code tunelab hosts check}), and the budget in trials and time.
 */
final class ExecutionFormView {
  private final ScrollPane root;
  private final StudyDesignerViewModel vm;
  private final TableView<SshHostForm> table = new TableView<>();

  ExecutionFormView(StudyDesignerViewModel vm) {
    this.vm = vm;
    table.setId("hostsTable");
    table.setItems(vm.hosts());
    table.setPrefHeight(150);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    table.setPlaceholder(new javafx.scene.control.Label("No SSH hosts: trials run on this machine."));
    table.getColumns().add(column("Host", SshHostForm::label));
    table.getColumns().add(column("Slots", h -> h.slots().isEmpty() ? "1" : h.slots()));
    table.getColumns().add(column("GPUs", SshHostForm::gpus));
    table.getColumns().add(column("Workdir", h -> h.workdir().isEmpty() ? "~/tunelab-runs" : h.workdir()));
    table.getColumns().add(column("Jump", SshHostForm::jump));
    table.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) edit();
    });

    Button add = new Button("Add…");
    add.setId("hostAdd");
    add.setOnAction(e -> new SshHostDialog(window(), SshHostForm.of(""), vm).showAndWait().ifPresent(vm.hosts()::add));
    Button edit = new Button("Edit…");
    edit.setId("hostEdit");
    edit.setOnAction(e -> edit());
    Button remove = new Button("Remove");
    remove.setId("hostRemove");
    remove.setOnAction(e -> {
      int i = table.getSelectionModel().getSelectedIndex();
      if (i >= 0) vm.hosts().remove(i);
    });
    Button test = new Button("Test connection");
    test.setId("hostTest");
    test.setTooltip(new Tooltip("Runs the checks of 'tunelab hosts check' on the selected host"));
    test.setOnAction(e -> {
      SshHostForm h = table.getSelectionModel().getSelectedItem();
      if (h != null) vm.testConnection(h);
    });
    var none = table.getSelectionModel().selectedItemProperty().isNull();
    edit.disableProperty().bind(none);
    remove.disableProperty().bind(none);
    test.disableProperty().bind(none.or(vm.hostCheckRunningProperty()));
    ListView<String> report = new ListView<>(vm.hostReport());
    report.setId("hostReport");
    report.getStyleClass().add("monospace");
    report.setPrefHeight(150);
    report.setPlaceholder(new javafx.scene.control.Label("Select a host and press Test connection."));
    report.setCellFactory(l -> new ReportCell());

    FormGrid grid = new FormGrid(vm)
        .section("This machine")
        .row("Local slots", ObjectiveFormView.text("localSlots", vm.field(DesignField.LOCAL_SLOTS), "workers"),
            "Trials run at once here; empty without SSH hosts means 'workers'.")
        .row("GPUs", ObjectiveFormView.text("gpus", vm.field(DesignField.GPUS), "none; e.g. 0, 1"),
            "Handed to trials through CUDA_VISIBLE_DEVICES, one each.")
        .section("SSH hosts")
        .row("", new VBox(6, table, new HBox(8, add, edit, remove, test), report),
            "Double-click a host to edit it. Problems of the executors entries show here.", "executors")
        .section("Budget")
        .row("Trials", ObjectiveFormView.text("trials", vm.field(DesignField.TRIALS), "no limit"),
            "How many trials one run adds.", "trials")
        .row("Time", ObjectiveFormView.text("timeout", vm.field(DesignField.TIMEOUT), "no limit"),
            "How long one run may take, e.g. 45m, 2h or 1h30m.", "timeout")
        .row("Workers", ObjectiveFormView.text("workers", vm.field(DesignField.WORKERS), "1"),
            "Trials at once without an executors list.", "workers");
    root = new ScrollPane(grid);
    root.setFitToWidth(true);
    Bindings.size(vm.hosts()).addListener((o, a, b) -> table.refresh());
  }

  private void edit() {
    int i = table.getSelectionModel().getSelectedIndex();
    if (i < 0) return;
    new SshHostDialog(window(), vm.hosts().get(i), vm).showAndWait().ifPresent(h -> vm.hosts().set(i, h));
  }

  private javafx.stage.Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private static TableColumn<SshHostForm, String> column(String title, java.util.function.Function<SshHostForm, String> value) {
    TableColumn<SshHostForm, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

  Node node() {
    return root;
  }

  /** Report lines coloured by outcome. */
  private static final class ReportCell extends javafx.scene.control.ListCell<String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeAll("check-ok", "check-fail", "check-warn");
      setText(empty ? null : item);
      if (empty || item == null) return;
      String t = item.strip();
      if (t.startsWith("ok")) getStyleClass().add("check-ok");
      else if (t.startsWith("FAIL") || t.equals("the host does not work")) getStyleClass().add("check-fail");
      else if (t.startsWith("warn")) getStyleClass().add("check-warn");
    }
  }
}
