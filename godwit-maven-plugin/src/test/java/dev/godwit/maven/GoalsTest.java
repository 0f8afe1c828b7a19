package dev.godwit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.Godwit;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command of the core's API has a goal of its name: a command added to {@link Godwit} fails
 * this test until it gets one (a small class beside MigrateMojo) or is listed here as covered by
 * another goal.
 */
class GoalsTest {
  /** Commands reached through another goal's parameters. */
  private static final Set<String> COVERED_ELSEWHERE =
      Set.of(
          "markApplied", // repair's manual counterpart: not a build step
          "planUndo", // plan of an undo
          "scripts"); // the listing the lint goal reads

  @Test
  void everyCommandOfTheApiHasAGoal() throws IOException {
    Set<String> commands = new TreeSet<>();
    for (Method m : Godwit.class.getDeclaredMethods()) {
      boolean command =
          Modifier.isPublic(m.getModifiers())
              && !Modifier.isStatic(m.getModifiers())
              && m.getReturnType().getSimpleName().endsWith("Result");
      if (command && !COVERED_ELSEWHERE.contains(m.getName())) {
        commands.add(m.getName());
      }
    }
    assertThat(commands).contains("migrate", "info", "resume");
    assertThat(goals()).containsAll(commands).contains("lint", "help");
  }

  private static Set<String> goals() throws IOException {
    try (InputStream in =
        GoalsTest.class.getClassLoader().getResourceAsStream("META-INF/maven/plugin.xml")) {
      assertThat(in).as("the generated plugin descriptor").isNotNull();
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Set<String> goals = new TreeSet<>();
      Matcher m = Pattern.compile("<goal>([a-z-]+)</goal>").matcher(xml);
      while (m.find()) {
        goals.add(m.group(1));
      }
      return goals;
    }
  }
}
