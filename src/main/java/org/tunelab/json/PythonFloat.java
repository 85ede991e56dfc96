package org.tunelab.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles as Python's {@code repr(float)} does: the shortest decimal that reads back to the same
 * double, in scientific notation when the exponent is below -4 or at least 16 ({@code 1e-05},
 * {@code 1e+16}), and always with a fraction or exponent ({@code 1.0}). Java's {@code Double.toString}
 * differs in notation and, on JDK 17, is not always shortest.
 */
public final class PythonFloat {
  private PythonFloat() {}

  /** Python's {@code repr(x)}; non-finite values as {@code nan}, {@code inf}, {@code -inf}. */
  public static String repr(double x) {
    if (Double.isNaN(x)) return "nan";
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    return format(x);
  }

  /** The JSON token Python's {@code json.dumps} writes: {@code NaN}, {@code Infinity}, {@code -Infinity}. */
  public static String json(double x) {
    if (Double.isNaN(x)) return "NaN";
    if (Double.isInfinite(x)) return x > 0 ? "Infinity" : "-Infinity";
    return format(x);
  }

  private static String format(double x) {
    if (x == 0) return (1 / x < 0) ? "-0.0" : "0.0";
    BigDecimal shortest = shortestRoundTrip(x);
    String digits = shortest.unscaledValue().abs().toString();
    // Strip trailing zeros of the digit string; they carry no information.
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') end--;
    int trimmed = digits.length() - end;
    digits = digits.substring(0, end);
    // Decimal exponent of the first digit: value = 0.d1d2... * 10^(decimalPoint)
    int decimalPoint = digits.length() + trimmed - shortest.scale();
    int exponent = decimalPoint - 1;
    StringBuilder out = new StringBuilder();
    if (x < 0) out.append('-');
    if (exponent < -4 || exponent >= 16) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) out.append('.').append(digits, 1, digits.length());
      out.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) out.append('0');
      out.append(abs);
    } else if (decimalPoint <= 0) {
      out.append("0.");
      out.append("0".repeat(-decimalPoint));
      out.append(digits);
    } else if (decimalPoint >= digits.length()) {
      out.append(digits).append("0".repeat(decimalPoint - digits.length())).append(".0");
    } else {
      out.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, digits.length());
    }
    return out.toString();
  }

  /**
   * The correctly rounded decimal with the fewest significant digits that parses back to {@code x}.
   * Rounding to more digits never breaks a round trip, so the answer is the first length that works;
   * {@code Double.toString} gives a length that works (on JDK 17 not always the shortest), and one
   * length less tells whether it is the shortest, which it nearly always is.
   */
  private static BigDecimal shortestRoundTrip(double x) {
    BigDecimal exact = new BigDecimal(x);
    int upper = Math.min(17, BigDecimal.valueOf(x).stripTrailingZeros().precision());
    if (upper <= 1 || !roundTrips(exact, upper - 1, x)) return exact.round(new MathContext(upper, RoundingMode.HALF_EVEN));
    int low = 1;
    int high = upper - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (roundTrips(exact, mid, x)) high = mid;
      else low = mid + 1;
    }
    return exact.round(new MathContext(low, RoundingMode.HALF_EVEN));
  }

  private static boolean roundTrips(BigDecimal exact, int precision, double x) {
    return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN)).doubleValue() == x;
  }
}
