/**
 * Godwit's public Java API: {@link dev.godwit.api.Godwit}, its configuration, the results of each
 * command and the exceptions they throw.
 *
 * <p>Types in this package keep source and binary compatibility within a major version. Result
 * records may gain components in a minor version; their existing accessors stay.
 */
package dev.godwit.api;
