/** Godwit's engine. Internal: no compatibility promise of any kind; use {@link dev.godwit.api}. */
package dev.godwit.internal;
