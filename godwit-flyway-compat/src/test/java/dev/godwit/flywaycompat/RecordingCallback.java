package dev.godwit.flywaycompat;

import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A Flyway Java callback that records every event it is offered, with the migration it is about
 * (version, description, type, script, checksum, state); each needs a connection.
 */
public class RecordingCallback implements Callback {
  private static final List<String> EVENTS = new ArrayList<>();

  /** The events recorded since the last call, then forgets them. */
  static synchronized List<String> take() {
    List<String> out = List.copyOf(EVENTS);
    EVENTS.clear();
    return out;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return true;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    synchronized (RecordingCallback.class) {
      if (context.getConnection() == null) {
        throw new IllegalStateException("no connection at " + event.getId());
      }
      MigrationInfo info = context.getMigrationInfo();
      EVENTS.add(
          info == null
              ? event.getId()
              : event.getId()
                  + " "
                  + info.getVersion()
                  + " "
                  + info.getDescription()
                  + " "
                  + info.getType().name()
                  + " "
                  + info.getScript()
                  + " "
                  + info.getChecksum()
                  + " "
                  + info.getState());
    }
  }

  @Override
  public String getCallbackName() {
    return "recording";
  }
}
