package dev.cspctl.emulator;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifier formats: 24-hex ObjectIds, cs+16 hex CMS uids, blt+16 hex CMA uids. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private Ids() {}

  static String objectId() {
    String time = String.format("%08x", System.currentTimeMillis() / 1000);
    return time + hex(8);
  }

  static String cms() {
    return "cs" + hex(8);
  }

  static String blt() {
    return "blt" + hex(8);
  }

  static boolean isObjectId(String s) {
    return s != null && s.matches("[0-9a-f]{24}");
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HEX.formatHex(b);
  }
}
