package dev.godwit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Medians and ranges of a series of measurements. */
final class Stats {
  private Stats() {}

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>();
    for (Double x : xs) {
      if (x != null && !x.isNaN() && x >= 0) {
        s.add(x);
      }
    }
    if (s.isEmpty()) {
      return Double.NaN;
    }
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static double min(List<Double> xs) {
    return xs.stream().filter(x -> x != null && x >= 0).mapToDouble(x -> x).min().orElse(Double.NaN);
  }

  static double max(List<Double> xs) {
    return xs.stream().filter(x -> x != null && x >= 0).mapToDouble(x -> x).max().orElse(Double.NaN);
  }

  /** Seconds, with precision that fits the magnitude. */
  static String secs(double s) {
    if (Double.isNaN(s)) {
      return "–";
    }
    if (s < 0.1) {
      return String.format(Locale.ROOT, "%.0f ms", s * 1000);
    }
    if (s < 10) {
      return String.format(Locale.ROOT, "%.2f s", s);
    }
    return String.format(Locale.ROOT, "%.1f s", s);
  }

  static String num(double x, int decimals) {
    return Double.isNaN(x) || x < 0 ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", x);
  }
}
