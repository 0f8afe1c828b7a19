package dev.godwit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The wall between the modules, checked on the compiled classes of every module; a violation fails
 * the build. Classes are read from each module's {@code target/classes} (and {@code
 * target/test-classes}), so the directory says which module a class belongs to, whatever its
 * package.
 *
 * <ul>
 *   <li>Nothing outside godwit-core (main or test code) uses {@code dev.godwit.internal}.
 *   <li>godwit-core's public classes live in {@code dev.godwit.api} and {@code dev.godwit.spi}. The
 *       one exception is {@code internal.Engine}, the small dispatcher that {@code api.Godwit}
 *       constructs (each command is a package-private class beside it); only {@code Godwit} may use
 *       it from outside the internal package.
 *   <li>godwit-lint's public classes live in {@code dev.godwit.lint} only.
 *   <li>Dependencies point one way: godwit-sql &lt;- godwit-core &lt;- godwit-lint &lt;-
 *       godwit-cli; godwit-testkit uses none of them; godwit-junit uses the core's API and the
 *       testkit only; godwit-spring-boot-starter uses the core's API only.
 *   <li>godwit-maven-plugin maps Maven's configuration onto the core's API (which also reads
 *       godwit.toml): it reaches the linter only through its LintGate, so that the coupling is one
 *       class to change, and the CLI not at all.
 *   <li>Each module's classes live in its own packages, so that the direction above, checked by
 *       package, is checked by module.
 * </ul>
 */
class ArchitectureTest {
  private static final Path ROOT = Paths.get(System.getProperty("godwit.root", ".."));
  private static final ClassFileImporter IMPORTER = new ClassFileImporter();

  private static final String SQL = "dev.godwit.sql..";
  private static final String API = "dev.godwit.api..";
  private static final String SPI = "dev.godwit.spi..";
  private static final String INTERNAL = "dev.godwit.internal..";
  private static final String LINT = "dev.godwit.lint..";
  private static final String CLI = "dev.godwit.cli..";
  private static final String TESTKIT = "dev.godwit.testkit..";
  private static final String JUNIT = "dev.godwit.junit..";
  private static final String MAVEN = "dev.godwit.maven..";
  private static final String SPRING = "dev.godwit.spring..";
  private static final String ENGINE = "dev.godwit.internal.Engine";

  /**
   * Public and reachable from other packages: a public member type of a package-private type (an
   * interface's nested records are implicitly public) is not.
   */
  private static final DescribedPredicate<JavaClass> VISIBLE_OUTSIDE_PACKAGE =
      DescribedPredicate.describe(
          "are visible outside their package",
          c -> {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
              if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
              }
            }
            return true;
          });

  /** A module's main classes; a module that was not compiled fails the test, never skips it. */
  private static JavaClasses main(String module) {
    return classesIn(ROOT.resolve(module).resolve("target/classes"), true);
  }

  /** A module's test classes, when it has any. */
  private static JavaClasses tests(String module) {
    return classesIn(ROOT.resolve(module).resolve("target/test-classes"), false);
  }

  private static JavaClasses classesIn(Path dir, boolean required) {
    boolean compiled = Files.isDirectory(dir) && countClassFiles(dir) > 0;
    if (required) {
      assertThat(compiled).as("compiled classes in %s", dir.toAbsolutePath().normalize()).isTrue();
    }
    return compiled ? IMPORTER.importPath(dir) : IMPORTER.importPaths(List.of());
  }

  private static long countClassFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".class")).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Everything compiled outside godwit-core, main and test code. */
  private static JavaClasses outsideCore() {
    List<Path> dirs = new ArrayList<>();
    for (String module :
        List.of(
            "godwit-sql",
            "godwit-lint",
            "godwit-cli",
            "godwit-testkit",
            "godwit-junit",
            "godwit-maven-plugin",
            "godwit-spring-boot-starter")) {
      dirs.add(ROOT.resolve(module).resolve("target/classes"));
      dirs.add(ROOT.resolve(module).resolve("target/test-classes"));
    }
    // Tests only; built after the CLI in a full build.
    Path flywayCompat = ROOT.resolve("godwit-flyway-compat/target/test-classes");
    if (Files.isDirectory(flywayCompat)) {
      dirs.add(flywayCompat);
    } else {
      assertThat(System.getenv("CI"))
          .as("godwit-flyway-compat's test classes (%s) in CI", flywayCompat)
          .isNotEqualTo("true");
      System.out.println(
          "ArchitectureTest: godwit-flyway-compat is not compiled; its tests are not checked.");
    }
    return IMPORTER.importPaths(dirs.stream().filter(Files::isDirectory).toList());
  }

  @Test
  void nothingOutsideTheCoreUsesItsInternals() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage(INTERNAL)
        .because("other modules use godwit-core's public API (dev.godwit.api, dev.godwit.spi) only")
        .check(outsideCore());
  }

  @Test
  void theCoresPublicClassesAreItsApiAndSpi() {
    JavaClasses core = main("godwit-core");
    classes()
        .that(VISIBLE_OUTSIDE_PACKAGE)
        .should()
        .resideInAnyPackage(API, SPI)
        .orShould()
        .haveFullyQualifiedName(ENGINE)
        .check(core);
    classes()
        .should()
        .resideInAnyPackage(API, SPI, INTERNAL)
        .because("godwit-core owns dev.godwit.api, dev.godwit.spi and dev.godwit.internal")
        .check(core);
    noClasses()
        .that()
        .resideOutsideOfPackage(INTERNAL)
        .and()
        .doNotHaveFullyQualifiedName("dev.godwit.api.Godwit")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(ENGINE)
        .because("Engine is public only so that Godwit can construct it")
        .check(core);
    noClasses().should().dependOnClassesThat().resideInAnyPackage(LINT, CLI).check(core);
  }

  @Test
  void theLintersPublicClassesAreInItsOnePublicPackage() {
    JavaClasses lint = main("godwit-lint");
    classes()
        .that(VISIBLE_OUTSIDE_PACKAGE)
        .should()
        .resideInAPackage("dev.godwit.lint")
        .check(lint);
    classes().should().resideInAPackage(LINT).check(lint);
    noClasses().should().dependOnClassesThat().resideInAPackage(CLI).check(lint);
  }

  @Test
  void dependenciesPointOneWay() {
    JavaClasses sql = main("godwit-sql");
    classes().should().resideInAPackage(SQL).check(sql);
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(API, SPI, INTERNAL, LINT, CLI, TESTKIT)
        .because("godwit-sql depends on no other Godwit module")
        .check(sql);
    JavaClasses cli = main("godwit-cli");
    classes().should().resideInAPackage(CLI).check(cli);
    noClasses().should().dependOnClassesThat().resideInAPackage(TESTKIT).check(cli);
    JavaClasses testkit = main("godwit-testkit");
    classes().should().resideInAPackage(TESTKIT).check(testkit);
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SQL, API, SPI, INTERNAL, LINT, CLI)
        .because("godwit-testkit starts databases for every module's tests and needs none of them")
        .check(testkit);
    JavaClasses junit = main("godwit-junit");
    classes().should().resideInAPackage(JUNIT).check(junit);
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(INTERNAL, LINT, CLI)
        .because("godwit-junit migrates through the core's public API")
        .check(junit);
    JavaClasses spring = main("godwit-spring-boot-starter");
    classes().should().resideInAPackage(SPRING).check(spring);
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(INTERNAL, LINT, CLI, TESTKIT, JUNIT)
        .because("the Spring Boot starter migrates through the core's public API")
        .check(spring);
  }

  @Test
  void theMavenPluginIsThinOverTheCoresApi() {
    JavaClasses plugin = main("godwit-maven-plugin");
    classes().should().resideInAPackage(MAVEN).check(plugin);
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(INTERNAL, TESTKIT, JUNIT)
        .because("the plugin maps Maven's configuration onto the core's public API")
        .check(plugin);
    noClasses()
        .that()
        .doNotHaveSimpleName("LintGate")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(LINT)
        .because("LintGate is the plugin's one use of the linter")
        .check(plugin);
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CLI)
        .because("the core's API reads godwit.toml for the plugin as for the command line")
        .check(plugin);
  }

  @Test
  void everyModulesTestsWereRead() {
    // Guards the rules above against passing on nothing: each module's tests are compiled.
    for (String module :
        List.of(
            "godwit-sql",
            "godwit-core",
            "godwit-lint",
            "godwit-cli",
            "godwit-testkit",
            "godwit-junit",
            "godwit-maven-plugin",
            "godwit-spring-boot-starter")) {
      assertThat(tests(module)).as(module + " test classes").isNotEmpty();
    }
  }
}
