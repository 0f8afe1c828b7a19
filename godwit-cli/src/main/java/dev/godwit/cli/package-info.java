/**
 * Godwit's command line. Internal: the commands, flags, JSON shapes and exit codes documented in
 * the README are the contract, not these classes.
 */
package dev.godwit.cli;
