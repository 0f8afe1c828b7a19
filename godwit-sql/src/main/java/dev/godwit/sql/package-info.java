/**
 * Godwit's SQL script engine: a streaming, dialect-aware statement splitter.
 *
 * <p>Public API. Types in this package keep source compatibility within a major version. The
 * package has no dependency beyond the JDK and knows nothing about JDBC.
 */
package dev.godwit.sql;
