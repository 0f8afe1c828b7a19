package dev.godwit.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operating-system account that runs initdb and postgres.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM runs as root (uid 0, as on our CI and dev
 * machines), the commands are run as an unprivileged user instead: {@code nobody} unless {@code
 * GODWIT_TEST_POSTGRES_OS_USER} names another, through util-linux {@code setpriv} (or {@code
 * runuser} where setpriv is missing), and the data directories are handed over to that user.
 * Otherwise commands run as the current user, unchanged.
 */
final class ServerAccount {

  static final String USER_VARIABLE = "GODWIT_TEST_POSTGRES_OS_USER";

  private final int currentUid;
  private final String user;
  private final int uid;
  private final int gid;
  private final List<String> prefix;
  private final String problem;

  private ServerAccount(
      int currentUid, String user, int uid, int gid, List<String> prefix, String problem) {
    this.currentUid = currentUid;
    this.user = user;
    this.uid = uid;
    this.gid = gid;
    this.prefix = List.copyOf(prefix);
    this.problem = problem;
  }

  /** The account of this JVM, with its way to drop root privileges when it runs as root. */
  static ServerAccount detect(Map<String, String> env) {
    int current = effectiveUid();
    if (current != 0) {
      return new ServerAccount(
          current, System.getProperty("user.name"), current, -1, List.of(), null);
    }
    String user = env.getOrDefault(USER_VARIABLE, "nobody");
    Optional<Integer> uid = idOf(user, "-u");
    Optional<Integer> gid = idOf(user, "-g");
    if (uid.isEmpty() || gid.isEmpty() || uid.get() == 0) {
      return unusable(
          "This JVM runs as root, which PostgreSQL refuses, and the unprivileged user '"
              + user
              + "' to run it as does not exist (or is root); name another with "
              + USER_VARIABLE);
    }
    Optional<Path> setpriv = findExecutable("setpriv");
    if (setpriv.isPresent()) {
      List<String> prefix =
          List.of(
              setpriv.get().toString(),
              "--reuid=" + uid.get(),
              "--regid=" + gid.get(),
              "--clear-groups",
              "--");
      return new ServerAccount(0, user, uid.get(), gid.get(), prefix, null);
    }
    Optional<Path> runuser = findExecutable("runuser");
    if (runuser.isPresent()) {
      List<String> prefix = List.of(runuser.get().toString(), "-u", user, "--");
      return new ServerAccount(0, user, uid.get(), gid.get(), prefix, null);
    }
    return unusable(
        "This JVM runs as root, which PostgreSQL refuses, and neither setpriv nor runuser"
            + " (util-linux) is installed to run it as '"
            + user
            + "'; install util-linux or run the build as another user");
  }

  private static ServerAccount unusable(String problem) {
    return new ServerAccount(0, "root", 0, 0, List.of(), problem);
  }

  /** Why PostgreSQL cannot be run from this JVM, if it cannot. */
  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  boolean dropsPrivileges() {
    return currentUid == 0;
  }

  int currentUid() {
    return currentUid;
  }

  /** The name of the user that runs PostgreSQL. */
  String user() {
    return user;
  }

  /** The command to start so that {@code command} runs as {@link #user()}. */
  List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>(prefix);
    wrapped.addAll(command);
    return wrapped;
  }

  /** Makes {@code path} owned by {@link #user()} (when running as root; otherwise a no-op). */
  void handOver(Path path) throws IOException {
    if (dropsPrivileges()) {
      Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
  }

  private static int effectiveUid() {
    try {
      Path probe = Files.createTempFile("godwit-uid", ".probe");
      try {
        return (Integer) Files.getAttribute(probe, "unix:uid");
      } finally {
        Files.deleteIfExists(probe);
      }
    } catch (IOException | UnsupportedOperationException e) {
      return -1; // not a Unix: no root to worry about
    }
  }

  private static Optional<Integer> idOf(String user, String option) {
    try {
      Commands.Result result = Commands.run(List.of("id", option, user));
      return result.exitCode() == 0
          ? Optional.of(Integer.parseInt(result.output().trim()))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> findExecutable(String name) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
