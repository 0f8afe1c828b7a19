package dev.godwit.lint;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * The way from {@link Linter} and {@link Rules} to the package-private {@code
 * dev.godwit.lint.rules.RuleEngine}. The rules package has no public class, so this package is the
 * linter's whole public surface. Java has no "friend" packages without modules; within one module
 * (here the unnamed one) a private lookup may reach a package-private class, so the engine's two
 * entry points are looked up once, here. Every lint test runs through them, so a renamed method
 * fails the build at once.
 */
final class RuleEngineAccess {
  private static final MethodHandle RUN;
  private static final MethodHandle CATALOG;

  static {
    try {
      Class<?> engine = Class.forName("dev.godwit.lint.rules.RuleEngine");
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(engine, MethodHandles.lookup());
      RUN =
          lookup.findStatic(
              engine,
              "run",
              MethodType.methodType(LintReport.class, List.class, LintOptions.class));
      CATALOG = lookup.findStatic(engine, "catalog", MethodType.methodType(List.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private RuleEngineAccess() {}

  /** {@code RuleEngine.run}: lints the inputs in order. */
  static LintReport run(List<LintInput> inputs, LintOptions options) {
    try {
      return (LintReport) RUN.invokeExact(inputs, options);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** {@code RuleEngine.catalog}: every rule, in the catalog's order. */
  @SuppressWarnings("unchecked")
  static List<RuleInfo> catalog() {
    try {
      return (List<RuleInfo>) CATALOG.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
