/**
 * Godwit's service provider interface: extension points other modules implement, found with {@link
 * java.util.ServiceLoader}. Stable within a major version.
 */
package dev.godwit.spi;
