package org.tunelab.app.design;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Adds or edits one SSH host: every key of a {@code type: ssh} executor the form has a field for. */
final class SshHostDialog extends Dialog<SshHostForm> {
  private final Map<String, TextField> fields = new LinkedHashMap<>();

  SshHostDialog(Window owner, SshHostForm host, StudyDesignerViewModel vm) {
    if (owner != null) {
      initOwner(owner);
      if (owner.getScene() != null) getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    setTitle(host.host().isEmpty() ? "Add SSH host" : "Edit SSH host " + host.host());
    setHeaderText("Trials run on this host over SSH; the code in the working directory is shipped there.");
    FormGrid grid = new FormGrid(vm);
    field(grid, "host", "Host", host.host(), "gpu1, an address, or an ~/.ssh/config alias");
    field(grid, "port", "Port", host.port(), "22");
    field(grid, "user", "User", host.user(), "your local user name");
    field(grid, "key", "Key file", host.key(), "the ssh-agent and the default keys");
    field(grid, "knownHosts", "known_hosts", host.knownHosts(), "~/.ssh/known_hosts");
    field(grid, "jump", "Jump host", host.jump(), "none; [user@]host[:port] or an alias");
    field(grid, "workdir", "Remote workdir", host.workdir(), "~/tunelab-runs");
    field(grid, "setup", "Setup line", host.setup(), "source ~/venv/bin/activate");
    field(grid, "slots", "Slots", host.slots(), "1 trial at a time");
    field(grid, "gpus", "GPUs", host.gpus(), "none; e.g. 0, 1");
    getDialogPane().setContent(grid);
    getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(fields.get("host").textProperty().isEmpty());
    setResultConverter(b -> b == ButtonType.OK ? new SshHostForm(v("host"), v("port"), v("user"), v("key"),
        v("knownHosts"), v("workdir"), v("setup"), v("slots"), v("gpus"), v("jump"), host.extra()) : null);
    setOnShown(e -> fields.get("host").requestFocus());
  }

  private void field(FormGrid grid, String id, String label, String value, String prompt) {
    TextField t = new TextField(value);
    t.setId("host-" + id);
    t.setPromptText(prompt);
    t.setPrefColumnCount(28);
    fields.put(id, t);
    grid.row(label, t, "");
  }

  private String v(String id) {
    return fields.get(id).getText().strip();
  }
}
