package org.tunelab.app.design.space;

/** One editable field of a parameter draft; the label is how errors and undo entries name it. */
public enum ParamField {
  NAME("name"),
  TYPE("type"),
  LOW("low"),
  HIGH("high"),
  STEP("step"),
  LOG("log"),
  CHOICES("choices"),
  CONDITION_PARENT("condition parent"),
  CONDITION_VALUES("condition values");

  private final String label;

  ParamField(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
