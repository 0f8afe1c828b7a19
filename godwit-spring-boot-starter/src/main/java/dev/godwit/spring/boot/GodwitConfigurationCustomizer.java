package dev.godwit.spring.boot;

import dev.godwit.api.GodwitConfig;

/**
 * Changes the configuration the starter built from the {@code spring.godwit.*} properties before
 * the {@code Godwit} bean is made: Java migrations, placeholders computed at start-up, a class
 * loader. Every bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface GodwitConfigurationCustomizer {

  /**
   * Changes the builder.
   *
   * @param builder holds the values read from the properties
   */
  void customize(GodwitConfig.Builder builder);
}
