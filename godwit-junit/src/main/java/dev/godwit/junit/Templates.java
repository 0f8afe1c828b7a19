package dev.godwit.junit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The templates of one test run, one per {@link Setup}, each migrated on first use. Kept in the
 * root extension context's store, which JUnit closes when the run ends: then every template is
 * dropped. A template whose migration failed is remembered as failed, so the tests after the first
 * fail at once with the same cause instead of migrating again.
 */
final class Templates implements ExtensionContext.Store.CloseableResource {

  private final Map<Setup, Entry> entries = new ConcurrentHashMap<>();

  /** The template for {@code setup}, made now if this run has none yet. */
  Template get(Setup setup) {
    return entries.computeIfAbsent(setup, Entry::new).template();
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (Entry entry : entries.values()) {
      try {
        entry.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    entries.clear();
    if (first != null) {
      throw first;
    }
  }

  /** One setup's template, made once: concurrent first users wait for the one migration. */
  private static final class Entry {
    private final Setup setup;
    private Template template;
    private RuntimeException failure;

    Entry(Setup setup) {
      this.setup = setup;
    }

    synchronized Template template() {
      if (template == null && failure == null) {
        try {
          template = Template.create(setup);
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw new IllegalStateException(
            "Could not migrate the template database (" + setup + "): " + failure.getMessage(),
            failure);
      }
      return template;
    }

    synchronized void close() {
      if (template != null) {
        template.close();
      }
    }
  }
}
