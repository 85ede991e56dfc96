package org.tunelab.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tunelab.json.JsonFormatException;
import org.tunelab.json.PythonJson;

/**
 * Optuna's {@code distribution_json}: written byte-for-byte as Optuna writes it (key order included),
 * read from the current names, the legacy names Optuna 2.x wrote ({@code UniformDistribution},
 * {@code LogUniformDistribution}, {@code DiscreteUniformDistribution}, {@code IntUniformDistribution},
 * {@code IntLogUniformDistribution}) and the abbreviated {@code {"type": "float", ...}} form.
 */
public final class DistributionJson {
  /** Studies repeat a handful of distribution strings thousands of times; parse each once. */
  private static final Map<String, Distribution> CACHE = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 10_000;

  private DistributionJson() {}

  public static String toJson(Distribution distribution) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    String name;
    if (distribution instanceof FloatDistribution f) {
      name = "FloatDistribution";
      attributes.put("step", f.step());
      attributes.put("low", f.low());
      attributes.put("high", f.high());
      attributes.put("log", f.log());
    } else if (distribution instanceof IntDistribution i) {
      name = "IntDistribution";
      attributes.put("log", i.log());
      attributes.put("step", i.step());
      attributes.put("low", i.low());
      attributes.put("high", i.high());
    } else {
      name = "CategoricalDistribution";
      attributes.put("choices", ((CategoricalDistribution) distribution).choices());
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", name);
    root.put("attributes", attributes);
    return PythonJson.write(root);
  }

  /** Parses any form Optuna reads; throws {@link InvalidDistributionException} saying what is wrong. */
  public static Distribution fromJson(String json) {
    Distribution cached = CACHE.get(json);
    if (cached != null) return cached;
    Distribution parsed = parse(json);
    if (CACHE.size() < CACHE_LIMIT) CACHE.put(json, parsed);
    return parsed;
  }

  private static Distribution parse(String json) {
    Map<String, Object> root;
    try {
      root = PythonJson.readObject(json);
    } catch (JsonFormatException e) {
      throw new InvalidDistributionException("distribution_json is not valid JSON (" + e.getMessage() + "): " + json);
    }
    if (root.containsKey("type")) return fromAbbreviated(root, json);
    Object name = root.get("name");
    if (!(root.get("attributes") instanceof Map<?, ?> attrs)) {
      throw new InvalidDistributionException("distribution_json has no \"attributes\" object: " + json);
    }
    Attributes a = new Attributes(attrs, json);
    if (!(name instanceof String n)) {
      throw new InvalidDistributionException("distribution_json has no \"name\": " + json);
    }
    return switch (n) {
      case "FloatDistribution" -> new FloatDistribution(a.dbl("low"), a.dbl("high"), a.optionalDbl("step"),
          a.bool("log", false));
      case "IntDistribution" -> new IntDistribution(a.lng("low"), a.lng("high"), a.optionalLng("step", 1),
          a.bool("log", false));
      case "CategoricalDistribution" -> new CategoricalDistribution(a.list("choices"));
      case "UniformDistribution" -> FloatDistribution.of(a.dbl("low"), a.dbl("high"));
      case "LogUniformDistribution" -> FloatDistribution.log(a.dbl("low"), a.dbl("high"));
      case "DiscreteUniformDistribution" -> FloatDistribution.stepped(a.dbl("low"), a.dbl("high"), a.dbl("q"));
      case "IntUniformDistribution" -> IntDistribution.stepped(a.lng("low"), a.lng("high"), a.optionalLng("step", 1));
      case "IntLogUniformDistribution" -> new IntDistribution(a.lng("low"), a.lng("high"), a.optionalLng("step", 1), true);
      default -> throw new InvalidDistributionException("unknown distribution name \"" + n + "\" in " + json);
    };
  }

  private static Distribution fromAbbreviated(Map<String, Object> root, String json) {
    Attributes a = new Attributes(root, json);
    Object type = root.get("type");
    if ("float".equals(type)) {
      return new FloatDistribution(a.dbl("low"), a.dbl("high"), a.optionalDbl("step"), a.bool("log", false));
    }
    if ("int".equals(type)) {
      return new IntDistribution(a.lng("low"), a.lng("high"), a.optionalLng("step", 1), a.bool("log", false));
    }
    if ("categorical".equals(type)) return new CategoricalDistribution(a.list("choices"));
    throw new InvalidDistributionException("unknown distribution type \"" + type + "\" in " + json);
  }

  /** Typed access to the attributes object with messages that name the missing or wrong field. */
  private record Attributes(Map<?, ?> map, String json) {
    double dbl(String key) {
      if (map.get(key) instanceof Number n) return n.doubleValue();
      throw missing(key, "a number");
    }

    Double optionalDbl(String key) {
      Object v = map.get(key);
      return v == null ? null : dbl(key);
    }

    long lng(String key) {
      Object v = map.get(key);
      if (v instanceof Long l) return l;
      if (v instanceof Double d && d == Math.rint(d)) return d.longValue();
      throw missing(key, "an integer");
    }

    long optionalLng(String key, long fallback) {
      return map.get(key) == null ? fallback : lng(key);
    }

    boolean bool(String key, boolean fallback) {
      Object v = map.get(key);
      if (v == null) return fallback;
      if (v instanceof Boolean b) return b;
      throw missing(key, "true or false");
    }

    List<Object> list(String key) {
      if (map.get(key) instanceof List<?> l) return new java.util.ArrayList<>(l);
      throw missing(key, "a list");
    }

    private InvalidDistributionException missing(String key, String what) {
      return new InvalidDistributionException("distribution attribute \"" + key + "\" must be " + what
          + ", got " + map.get(key) + " in " + json);
    }
  }
}
