package org.tunelab.app;

import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The menu bar: File, View and Help, with their keyboard shortcuts. Every item calls the view model. */
final class MainMenu {
  private MainMenu() {}

  static MenuBar create(MainViewModel vm, Runnable quit, Runnable newStudy, Runnable openSpec, Runnable runSpec) {
    MenuItem open = item("Open database…", "menuOpen", vm::openWithChooser);
    open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
    Menu recent = new Menu("Open recent");
    recent.setId("menuRecent");
    vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(recent, vm));
    fillRecent(recent, vm);
    MenuItem runSpecFile = item("Run spec file…", "menuFileRunSpec", runSpec);
    MenuItem demo = item("Run demo study", "menuDemo", vm::runDemo);
    MenuItem stopDemo = item("Stop demo study", "menuStopDemo", vm::stopDemo);
    stopDemo.disableProperty().bind(vm.demo().runningProperty().not());
    MenuItem close = item("Close", "menuClose", vm::closeDatabase);
    close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
    close.disableProperty().bind(vm.databaseProperty().isNull());
    MenuItem exit = item("Quit", "menuQuit", quit);
    exit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    MenuItem design = item("New study…", "menuNewStudy", newStudy);
    design.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
    MenuItem spec = item("Open study spec…", "menuOpenSpec", openSpec);
    spec.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    Menu file = new Menu("File", null, open, recent, new SeparatorMenuItem(), design, spec, runSpecFile, new SeparatorMenuItem(), demo, stopDemo,
        new SeparatorMenuItem(), close, exit);

    MenuItem refresh = item("Refresh", "menuRefresh", vm::refresh);
    refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
    refresh.disableProperty().bind(vm.databaseProperty().isNull());
    ToggleGroup themes = new ToggleGroup();
    RadioMenuItem light = themeItem("Light theme", "menuThemeLight", Theme.LIGHT, vm, themes);
    RadioMenuItem dark = themeItem("Dark theme", "menuThemeDark", Theme.DARK, vm, themes);
    Menu view = new Menu("View", null, refresh, new SeparatorMenuItem(), light, dark);

    Menu help = new Menu("Help", null, item("About TuneLab", "menuAbout", vm::showAbout));
    MenuBar bar = new MenuBar(file, view, help);
    bar.setId("menuBar");
    return bar;
  }

  private static RadioMenuItem themeItem(String text, String id, Theme theme, MainViewModel vm, ToggleGroup group) {
    RadioMenuItem item = new RadioMenuItem(text);
    item.setId(id);
    item.setToggleGroup(group);
    item.setSelected(vm.themeProperty().get() == theme);
    item.setOnAction(e -> vm.themeProperty().set(theme));
    vm.themeProperty().addListener((o, a, t) -> item.setSelected(t == theme));
    return item;
  }

  private static void fillRecent(Menu recent, MainViewModel vm) {
    recent.getItems().clear();
    for (Path p : vm.recentFiles()) {
      recent.getItems().add(item(p.toString(), null, () -> vm.openRecent(p)));
    }
    recent.setDisable(recent.getItems().isEmpty());
  }

  private static MenuItem item(String text, String id, Runnable action) {
    MenuItem item = new MenuItem(text);
    // mnemonic parsing would eat the underscores of file names in the recent list
    item.setMnemonicParsing(false);
    if (id != null) item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }

}
