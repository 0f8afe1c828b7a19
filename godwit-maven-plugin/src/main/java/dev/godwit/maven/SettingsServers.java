package dev.godwit.maven;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The database credentials of a {@code <server>} in settings.xml, decrypted as Maven does. */
final class SettingsServers {
  private SettingsServers() {}

  /**
   * The server's username and password as {@link ConfigKey#USER} and {@link ConfigKey#PASSWORD}.
   *
   * @param serverId null for none: an empty map
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} when settings.xml has no such
   *     server or its password cannot be decrypted (the message never holds the password)
   */
  static Map<ConfigKey, String> credentials(
      Settings settings, SettingsDecrypter decrypter, String serverId) {
    Map<ConfigKey, String> out = new EnumMap<>(ConfigKey.class);
    if (serverId == null || serverId.isBlank()) {
      return out;
    }
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server == null) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "serverId '"
              + serverId
              + "': settings.xml has no <server> with this id. Add one with <username> and"
              + " <password>, or remove serverId.");
    }
    if (decrypter != null) {
      SettingsDecryptionResult result =
          decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem p : result.getProblems()) {
        if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION,
              "serverId '" + serverId + "': the password cannot be decrypted: " + p.getMessage());
        }
      }
      server = result.getServer();
    }
    if (server.getUsername() != null) {
      out.put(ConfigKey.USER, server.getUsername());
    }
    if (server.getPassword() != null) {
      out.put(ConfigKey.PASSWORD, server.getPassword());
    }
    return out;
  }
}
