package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import java.util.Locale;

/**
 * Help texts, generated from the tables that parsing reads too: {@link Command}, {@link Option} and
 * {@link ConfigKey}. What help lists is therefore exactly what the command line accepts.
 */
final class Help {
  private Help() {}

  /** The help for {@code command}, or the overview when it is null or unknown. */
  static String text(String command) {
    Command c = command == null ? null : Command.byName(command);
    return c == null ? overview() : forCommand(c);
  }

  private static String forCommand(Command c) {
    StringBuilder sb = new StringBuilder("Usage: godwit [options] ").append(c.typed());
    if (c.operands() != null) {
      sb.append(' ').append(c.operands().usage());
    }
    sb.append("\n\n");
    for (String line : c.description().split("\n")) {
      sb.append(line).append('\n');
    }
    if (c.operands() != null) {
      line(sb, c.operands().usage(), c.operands().help());
    }
    for (Option o : Option.values()) {
      if (!o.isGlobal() && o.appliesTo(c)) {
        line(
            sb,
            o.usage(),
            c == Command.PLAN && o != Option.UNDO_PLAN ? "with --undo: " + o.help() : o.help());
      }
    }
    if (!c.settings().isEmpty()) {
      sb.append("\nSettings it reads most (every setting: godwit --help):\n");
      c.settings().forEach(k -> line(sb, k.flag() + " " + valueOf(k), k.description()));
    }
    return sb.append('\n').append(global()).toString();
  }

  private static String overview() {
    StringBuilder sb = new StringBuilder();
    sb.append("Godwit ").append(Cli.version()).append(": schema migrations for the JVM\n\n");
    sb.append("Usage: godwit [options] <command> [command options]\n\nCommands:\n");
    for (Command c : Command.values()) {
      String first = c.description().split("\n")[0];
      sb.append(String.format(Locale.ROOT, "  %-9s %s%n", c.typed(), first));
    }
    sb.append("  config    import flyway.conf or flyway.toml: godwit config import <file>\n");
    sb.append("\n").append(global());
    sb.append(
        "\nSettings (godwit.toml key, flag, environment variable; flag wins over variable,\n");
    sb.append("variable over file):\n");
    for (ConfigKey k : ConfigKey.values()) {
      setting(sb, k);
    }
    sb.append(
        "  --placeholders.<name>=<value>      a placeholder value (GODWIT_PLACEHOLDERS_<NAME>)\n");
    sb.append("\nExit codes:\n");
    for (ExitCode e : ExitCode.values()) {
      sb.append(String.format(Locale.ROOT, "  %d  %s%n", e.code, e.meaning));
    }
    return sb.toString();
  }

  private static String global() {
    StringBuilder sb = new StringBuilder("Options (every command takes them):\n");
    for (Option o : Option.values()) {
      if (o.isGlobal()) {
        line(sb, o.usage(), o.help());
      }
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String usage, String help) {
    sb.append(String.format(Locale.ROOT, "  %-21s %s%n", usage, help));
  }

  private static String valueOf(ConfigKey k) {
    return "<" + k.kind().name().toLowerCase(Locale.ROOT) + ">";
  }

  private static void setting(StringBuilder sb, ConfigKey k) {
    sb.append(
        String.format(Locale.ROOT, "  %-34s %s", k.flag() + " " + valueOf(k), k.description()));
    if (k.defaultText() != null && !k.defaultText().isEmpty()) {
      sb.append(" [").append(k.defaultText()).append(']');
    }
    sb.append('\n');
  }
}
