package org.tunelab.app.design.space;

import org.tunelab.json.PythonFloat;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.Condition;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.space.Param;

/** Engine parameters to drafts; the way back is {@link SpaceValidator}, which also says what is wrong. */
final class ParamDrafts {
  private ParamDrafts() {}

  /** The draft that validates back to {@code param}: numbers in Python's shortest form, choices quoted as needed. */
  static ParamDraft of(long id, Param param) {
    Condition c = param.condition();
    String parent = c == null ? "" : c.parent();
    String values = c == null ? "" : ChoiceText.format(c.values());
    if (param.distribution() instanceof FloatDistribution f) {
      return new ParamDraft(id, param.name(), ParamType.FLOAT, PythonFloat.repr(f.low()), PythonFloat.repr(f.high()),
          f.step() == null ? "" : PythonFloat.repr(f.step()), f.log(), "", parent, values);
    }
    if (param.distribution() instanceof IntDistribution i) {
      return new ParamDraft(id, param.name(), ParamType.INT, String.valueOf(i.low()), String.valueOf(i.high()),
          i.step() == 1 ? "" : String.valueOf(i.step()), i.log(), "", parent, values);
    }
    CategoricalDistribution cat = (CategoricalDistribution) param.distribution();
    return new ParamDraft(id, param.name(), ParamType.CATEGORICAL, "", "", "", false,
        ChoiceText.format(cat.choices()), parent, values);
  }

  /** The draft under another type: empty ranges get defaults, whole-number floats become int text. */
  static ParamDraft retype(ParamDraft draft, ParamType type) {
    ParamDraft d = draft.with(ParamField.TYPE, type.name());
    if (type == ParamType.CATEGORICAL) return d;
    boolean integer = type == ParamType.INT;
    String low = d.low().isBlank() ? (integer ? "0" : "0.0") : d.low();
    String high = d.high().isBlank() ? (integer ? "10" : "1.0") : d.high();
    String step = d.step();
    if (integer) {
      low = wholeNumber(low);
      high = wholeNumber(high);
      step = wholeNumber(step);
    }
    return d.with(ParamField.LOW, low).with(ParamField.HIGH, high).with(ParamField.STEP, step);
  }

  private static String wholeNumber(String text) {
    try {
      double v = Double.parseDouble(text.trim());
      if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
    } catch (NumberFormatException e) {
      // not a number (or empty): keep the text, the validator explains it
    }
    return text;
  }
}
