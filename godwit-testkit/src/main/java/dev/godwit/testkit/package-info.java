/**
 * Real databases for Godwit's integration tests: {@link dev.godwit.testkit.PostgresServers} gives
 * embedded PostgreSQL 18 and 13 servers (and an external one from {@code
 * GODWIT_TEST_POSTGRES_URL}), each a {@link dev.godwit.testkit.PostgresServer} that creates fresh
 * databases. See the module's README for how they are run, also as root.
 */
package dev.godwit.testkit;
