package dev.godwit.lint.rules;

import java.util.List;

/**
 * A column type as written, normalized: {@code character varying(20)} becomes base {@code varchar}
 * with argument {@code 20}.
 *
 * @param base canonical lower-case base name ({@code varchar}, {@code int4}, {@code timestamptz},
 *     {@code enum}...)
 * @param args numeric modifiers, or enum/set labels for MySQL
 * @param array whether it is an array type
 * @param text the type as written
 */
record TypeRef(String base, List<String> args, boolean array, String text) {

  TypeRef {
    args = List.copyOf(args);
  }

  /** The first numeric argument, or -1. */
  int arg(int i) {
    if (i >= args.size()) {
      return -1;
    }
    try {
      return Integer.parseInt(args.get(i).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  boolean sameAs(TypeRef o) {
    return base.equals(o.base) && args.equals(o.args) && array == o.array;
  }

  @Override
  public String toString() {
    return text;
  }
}
