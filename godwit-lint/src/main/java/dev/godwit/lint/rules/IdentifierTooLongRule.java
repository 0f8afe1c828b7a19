package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code identifier-too-long}: a name the statement creates is longer than the server keeps.
 * PostgreSQL truncates to 63 bytes without an error (NAMEDATALEN - 1), so two long names that share
 * their first 63 bytes collide, and later statements that spell the name out in full miss it; MySQL
 * and MariaDB reject names over 64 characters.
 */
final class IdentifierTooLongRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "identifier-too-long",
          Dialects.PG_MY,
          Severity.ERROR,
          false,
          true,
          "A created or renamed table, column, index, constraint, view, schema or type name longer"
              + " than PostgreSQL keeps (63 bytes, silently truncated) or MySQL accepts (64"
              + " characters).");

  private static final int PG_MAX_BYTES = 63;
  private static final int MYSQL_MAX_CHARS = 64;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    List<String> tooLong = new ArrayList<>();
    for (String name : created(ctx.parsed())) {
      if (name != null && length(ctx, name) > max(ctx)) {
        tooLong.add(name);
      }
    }
    if (tooLong.isEmpty()) {
      return;
    }
    String unit = ctx.pg() ? "bytes" : "characters";
    StringBuilder names = new StringBuilder();
    for (String n : tooLong) {
      names.append(names.length() == 0 ? "" : ", ").append(n).append(" (");
      names.append(length(ctx, n)).append(' ').append(unit).append(')');
    }
    ctx.report(
        INFO,
        null,
        (tooLong.size() == 1 ? "The name " : "The names ")
            + names
            + (ctx.pg()
                ? " exceed PostgreSQL's limit of 63 bytes: the server silently truncates them, so"
                    + " two names that share their first 63 bytes collide, and statements or code"
                    + " that spell the full name later do not find the object."
                : " exceed the limit of 64 characters: MySQL and MariaDB reject the statement"
                    + " (error 1059, identifier too long)."),
        "Choose a shorter name (at most " + max(ctx) + " " + unit + ").",
        "For generated names such as table_column_other_column_idx, abbreviate the parts.");
  }

  private static int max(Ctx ctx) {
    return ctx.pg() ? PG_MAX_BYTES : MYSQL_MAX_CHARS;
  }

  private static int length(Ctx ctx, String name) {
    return ctx.pg()
        ? name.getBytes(StandardCharsets.UTF_8).length
        : name.codePointCount(0, name.length());
  }

  /** The names the statement creates or renames something to. */
  private static Set<String> created(Parsed p) {
    Set<String> out = new LinkedHashSet<>();
    if (p instanceof Parsed.CreateTable ct) {
      out.add(ct.table().name());
      ct.columns().forEach(c -> out.add(c.name()));
      ct.constraints().forEach(c -> out.add(c.name()));
    } else if (p instanceof Parsed.CreateIndex ci && ci.index() != null) {
      out.add(ci.index().name());
    } else if (p instanceof Parsed.CreateView v) {
      out.add(v.view().name());
    } else if (p instanceof Parsed.CreateSchema s) {
      out.add(s.schema().name());
    } else if (p instanceof Parsed.CreateEnum e) {
      out.add(e.type().name());
    } else if (p instanceof Parsed.CreateDomain d) {
      out.add(d.domain().name());
    } else if (p instanceof Parsed.RenameTables r) {
      r.to().forEach(n -> out.add(n.name()));
    } else if (p instanceof Parsed.AlterTable a) {
      for (Action action : a.actions()) {
        if (action instanceof Action.AddColumn c) {
          out.add(c.column().name());
        } else if (action instanceof Action.Modify m) {
          out.add(m.column().name());
        } else if (action instanceof Action.AddConstraint c) {
          out.add(c.constraint().name());
        } else if (action instanceof Action.RenameColumn r) {
          out.add(r.to());
        } else if (action instanceof Action.RenameTable r && r.to() != null) {
          out.add(r.to().name());
        } else if (action instanceof Action.RenameOther r) {
          out.add(r.to());
        }
      }
    }
    out.remove(null);
    return out;
  }
}
