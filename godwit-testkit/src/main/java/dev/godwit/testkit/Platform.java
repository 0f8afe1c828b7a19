package dev.godwit.testkit;

import java.util.Locale;

/** Names the platform of this JVM the way the testkit pom's profiles name it. */
final class Platform {

  private Platform() {}

  /**
   * Returns {@code linux-x86_64}, {@code linux-aarch64}, {@code mac-x86_64}, {@code mac-aarch64},
   * or a description of another platform, e.g. {@code windows 11-amd64}.
   */
  static String current() {
    return name(System.getProperty("os.name", "?"), System.getProperty("os.arch", "?"));
  }

  static String name(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("linux")) {
      os = "linux";
    } else if (os.startsWith("mac") || os.startsWith("darwin")) {
      os = "mac";
    }
    String arch = osArch.toLowerCase(Locale.ROOT);
    if (arch.equals("amd64") || arch.equals("x86_64")) {
      arch = "x86_64";
    } else if (arch.equals("aarch64") || arch.equals("arm64")) {
      arch = "aarch64";
    }
    return os + "-" + arch;
  }
}
