package org.tunelab.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON as Python's {@code json} module does with its defaults: {@code ", "} and
 * {@code ": "} separators, {@code ensure_ascii}, {@code NaN}/{@code Infinity} tokens, Python's float
 * repr. Values are plain Java objects: {@code null}, {@link Boolean}, {@link Long} (or
 * {@link BigInteger} when larger), {@link Double}, {@link String}, {@link List} and {@link Map} with
 * string keys in insertion order. Integers and floats stay apart ({@code 1} versus {@code 1.0}), as
 * they do in Python.
 */
public final class PythonJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private PythonJson() {}

  /** {@code json.dumps(value)}. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /** {@code json.loads(text)}; lists and maps returned are unmodifiable. */
  public static Object read(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) throw new JsonFormatException("empty JSON text");
      Object value = readValue(parser);
      if (parser.nextToken() != null) {
        throw new JsonFormatException("trailing characters after JSON value at column "
            + parser.currentLocation().getColumnNr());
      }
      return value;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new JsonFormatException("invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new JsonFormatException("invalid JSON: " + e.getMessage(), e);
    }
  }

  /** Reads a JSON object; fails clearly when the text holds another kind of value. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readObject(String text) {
    Object value = read(text);
    if (value instanceof Map<?, ?> map) return (Map<String, Object>) map;
    throw new JsonFormatException("expected a JSON object, got: " + abbreviate(text));
  }

  private static Object readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
          String key = parser.currentName();
          parser.nextToken();
          map.put(key, readValue(parser));
        }
        return Collections.unmodifiableMap(map);
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) list.add(readValue(parser));
        return Collections.unmodifiableList(list);
      }
      case VALUE_STRING: return parser.getText();
      case VALUE_NUMBER_INT: {
        BigInteger big = parser.getBigIntegerValue();
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
      }
      case VALUE_NUMBER_FLOAT: return parser.getDoubleValue();
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NULL: return null;
      default: throw new JsonFormatException("unexpected JSON token " + token);
    }
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof Double || value instanceof Float) {
      out.append(PythonFloat.json(((Number) value).doubleValue()));
    } else if (value instanceof BigDecimal d) {
      out.append(PythonFloat.json(d.doubleValue()));
    } else if (value instanceof Number n) {
      out.append(n instanceof BigInteger ? n.toString() : Long.toString(n.longValue()));
    } else if (value instanceof CharSequence s) {
      writeString(s.toString(), out);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) out.append(", ");
        first = false;
        writeString(String.valueOf(e.getKey()), out);
        out.append(": ");
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) out.append(", ");
        first = false;
        write(item, out);
      }
      out.append(']');
    } else if (value instanceof Object[] array) {
      write(List.of(array), out);
    } else {
      throw new JsonFormatException("cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
