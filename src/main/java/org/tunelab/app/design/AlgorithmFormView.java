package org.tunelab.app.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Sampler and pruner pickers: a choice box each, a one-line explanation, and the chosen algorithm's
 * settings as a ControlsFX property sheet whose empty fields show their default.
 */
final class AlgorithmFormView {
  private final ScrollPane root;

  AlgorithmFormView(StudyDesignerViewModel vm) {
    FormGrid grid = new FormGrid(vm);
    section(grid, vm, "Sampler", "samplerType", AlgorithmCatalog.samplers(), vm.field(DesignField.SAMPLER_TYPE),
        AlgorithmCatalog::samplerExplanation, AlgorithmCatalog::samplerSettings, vm.samplerSettingsProperty(),
        vm::setSamplerSetting, "sampler");
    section(grid, vm, "Pruner", "prunerType", AlgorithmCatalog.pruners(), vm.field(DesignField.PRUNER_TYPE),
        AlgorithmCatalog::prunerExplanation, AlgorithmCatalog::prunerSettings, vm.prunerSettingsProperty(),
        vm::setPrunerSetting, "pruner");
    root = new ScrollPane(grid);
    root.setFitToWidth(true);
  }

  private static void section(FormGrid grid, StudyDesignerViewModel vm, String title, String id, List<String> types,
      StringProperty type, Function<String, String> explain, Function<String, List<AlgorithmSetting>> settingsOf,
      ObjectProperty<Map<String, String>> values, BiConsumer<String, String> set, String field) {
    ChoiceBox<String> choice = new ChoiceBox<>();
    choice.setId(id);
    choice.getItems().setAll(types);
    choice.valueProperty().bindBidirectional(type);
    Label explanation = new Label();
    explanation.setId(id + "Explanation");
    explanation.getStyleClass().add("algorithm-explanation");
    explanation.setWrapText(true);
    explanation.textProperty().bind(Bindings.createStringBinding(() -> explain.apply(type.get()), type));
    PropertySheet sheet = new PropertySheet();
    sheet.setId(id + "Settings");
    sheet.setModeSwitcherVisible(false);
    sheet.setSearchBoxVisible(false);
    sheet.setMode(PropertySheet.Mode.NAME);
    sheet.setPropertyEditorFactory(item -> editor((SettingItem) item));
    Runnable fill = () -> {
      List<PropertySheet.Item> items = new ArrayList<>();
      for (AlgorithmSetting s : settingsOf.apply(type.get())) items.add(new SettingItem(s, values, set));
      sheet.getItems().setAll(items);
      // tall enough for every row: a sheet of three settings should not scroll
      sheet.setPrefHeight(items.size() * 29 + 8);
      sheet.setMinHeight(items.size() * 29 + 8);
      sheet.setVisible(!items.isEmpty());
      sheet.setManaged(!items.isEmpty());
    };
    fill.run();
    type.addListener((o, a, b) -> fill.run());
    grid.section(title)
        .row("Type", new VBox(4, choice, explanation), "", field + ".type")
        .row("Settings", sheet, "Leave a setting empty for its default (shown in grey).", field);
  }

  private static PropertyEditor<?> editor(SettingItem item) {
    AlgorithmSetting s = item.setting;
    if (!s.choices().isEmpty()) {
      List<String> choices = new ArrayList<>(List.of(item.defaultLabel()));
      choices.addAll(s.choices());
      return Editors.createChoiceEditor(item, choices);
    }
    PropertyEditor<?> editor = Editors.createTextEditor(item);
    if (editor.getEditor() instanceof TextField t) {
      t.setPromptText("default: " + s.defaultText());
      t.setId("setting-" + s.key());
    }
    return editor;
  }

  Node node() {
    return root;
  }

  /** One setting as a property-sheet row; its value is the text in the view model's settings map. */
  private static final class SettingItem implements PropertySheet.Item {
    private final AlgorithmSetting setting;
    private final ObjectProperty<Map<String, String>> values;
    private final BiConsumer<String, String> set;
    private final ObservableValue<String> observable;

    SettingItem(AlgorithmSetting setting, ObjectProperty<Map<String, String>> values, BiConsumer<String, String> set) {
      this.setting = setting;
      this.values = values;
      this.set = set;
      this.observable = Bindings.createStringBinding(() -> shown(values.get()), values);
    }

    @Override
    public Class<?> getType() {
      return String.class;
    }

    @Override
    public String getCategory() {
      return "Settings";
    }

    @Override
    public String getName() {
      return setting.key();
    }

    @Override
    public String getDescription() {
      return setting.description() + " (default: " + setting.defaultText() + ")";
    }

    /** What a choice box shows for "not set": the default, which is what applies. */
    String defaultLabel() {
      return "default: " + setting.defaultText();
    }

    private String shown(Map<String, String> map) {
      String v = map.getOrDefault(setting.key(), "");
      return v.isEmpty() && !setting.choices().isEmpty() ? defaultLabel() : v;
    }

    @Override
    public Object getValue() {
      return shown(values.get());
    }

    @Override
    public void setValue(Object value) {
      String text = value == null || value.equals(defaultLabel()) ? "" : String.valueOf(value);
      if (!text.equals(values.get().getOrDefault(setting.key(), ""))) set.accept(setting.key(), text);
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
      return Optional.of(observable);
    }
  }
}
