package org.tunelab.app.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The spec's {@code executors:} entry (a list of plain maps, as {@code StudySpec} keeps it) to the
 * "where to run" form and back. Keys the form has no field for are carried over from the spec that
 * was opened, and an unchanged value keeps the exact value read, so opening and saving a spec does
 * not change it.
 */
final class ExecutorForms {
  private ExecutorForms() {}

  /** The local entry of {@code executors}, or {@code null}. */
  static Map<?, ?> local(Object executors) {
    if (executors instanceof List<?> all) {
      for (Object e : all) if (e instanceof Map<?, ?> m && !"ssh".equals(m.get("type"))) return m;
    }
    return null;
  }

  static List<SshHostForm> hosts(Object executors) {
    List<SshHostForm> out = new ArrayList<>();
    if (!(executors instanceof List<?> all)) return out;
    for (Object e : all) {
      if (!(e instanceof Map<?, ?> m) || !"ssh".equals(m.get("type"))) continue;
      Map<String, Object> extra = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (!k.equals("type") && !SshHostForm.FIELDS.contains(String.valueOf(k))) extra.put(String.valueOf(k), v);
      });
      out.add(new SshHostForm(s(m, "host"), s(m, "port"), s(m, "user"), s(m, "key"), s(m, "known_hosts"),
          s(m, "workdir"), s(m, "setup"), s(m, "slots"), FormValues.gpuText(m.get("gpus")), s(m, "jump"), extra));
    }
    return out;
  }

  private static String s(Map<?, ?> m, String key) {
    return FormValues.text(m.get(key));
  }

  /**
   * The {@code executors:} value for the form, or {@code null} when there is nothing to write.
   *
   * @param base the {@code executors:} of the spec that was opened, or {@code null}
   */
  static Object build(DesignForm form, Object base, FormValues values) {
    Map<?, ?> baseLocal = local(base);
    boolean hasLocal = !FormValues.blank(form.localSlots()) || !FormValues.blank(form.gpus())
        || (baseLocal != null && !baseLocal.containsKey("slots") && !baseLocal.containsKey("gpus"));
    List<Object> out = new ArrayList<>();
    int localIndex = 0;
    if (base instanceof List<?> all) {
      for (int i = 0; i < all.size(); i++) if (all.get(i) == baseLocal) localIndex = i;
    }
    for (int i = 0; i < form.hosts().size(); i++) {
      out.add(host(form.hosts().get(i), "executors[" + (i + (hasLocal && i >= localIndex ? 1 : 0)) + "]", values));
    }
    if (hasLocal) {
      localIndex = Math.min(localIndex, out.size());
      out.add(localIndex, localEntry(form, baseLocal, "executors[" + localIndex + "]", values));
    }
    if (out.isEmpty()) return base instanceof List<?> l && l.isEmpty() ? base : null;
    return out;
  }

  private static Map<String, Object> localEntry(DesignForm form, Map<?, ?> baseLocal, String field, FormValues values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "local");
    if (baseLocal != null) baseLocal.forEach((k, v) -> m.put(String.valueOf(k), v));
    put(m, "slots", values.integer(form.localSlots(), field + ".slots", 1));
    putGpus(m, form.gpus(), baseLocal == null ? null : baseLocal.get("gpus"));
    return m;
  }

  private static Map<String, Object> host(SshHostForm h, String field, FormValues values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "ssh");
    if (FormValues.blank(h.host())) values.problem(field + ".host", "needs a host: a name, an address or an ~/.ssh/config alias");
    put(m, "host", blankToNull(h.host()));
    put(m, "port", values.integer(h.port(), field + ".port", 1));
    put(m, "user", blankToNull(h.user()));
    put(m, "key", blankToNull(h.key()));
    put(m, "known_hosts", blankToNull(h.knownHosts()));
    put(m, "jump", blankToNull(h.jump()));
    put(m, "workdir", blankToNull(h.workdir()));
    put(m, "setup", blankToNull(h.setup()));
    put(m, "slots", values.integer(h.slots(), field + ".slots", 1));
    putGpus(m, h.gpus(), h.extra().get("gpus"));
    h.extra().forEach(m::putIfAbsent);
    return m;
  }

  /** GPUs as typed, or the value read when the text is unchanged (keeps {@code ["0"]} a string). */
  private static void putGpus(Map<String, Object> m, String text, Object baseValue) {
    if (FormValues.blank(text)) {
      m.remove("gpus");
    } else if (baseValue != null && Objects.equals(FormValues.gpuText(baseValue), text.strip())) {
      m.put("gpus", baseValue);
    } else {
      m.put("gpus", FormValues.gpuIds(text));
    }
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value == null) m.remove(key);
    else m.put(key, value);
  }

  private static String blankToNull(String s) {
    return FormValues.blank(s) ? null : s.strip();
  }
}
