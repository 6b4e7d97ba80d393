package dev.cspctl.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version from the build, e.g. {@code cspctl 0.1.0}. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws Exception {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/dev/cspctl/version.properties")) {
      if (in != null) p.load(in);
    }
    return new String[] {
      "cspctl " + p.getProperty("version", "unknown"), "Java " + System.getProperty("java.version")
    };
  }
}
