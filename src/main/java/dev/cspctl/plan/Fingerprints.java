package dev.cspctl.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cspctl.spec.DesiredState;
import dev.cspctl.spec.Kind;
import dev.cspctl.spec.ResourceKey;
import dev.cspctl.state.LiveExperience;
import dev.cspctl.state.LiveState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of every live object a plan read, by resource key ("absent" for what it will create), so
 * apply can refuse a saved plan whose live state has changed since.
 */
public final class Fingerprints {
  public static final String ABSENT = "absent";
  private static final ObjectMapper M =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Fingerprints() {}

  public static Map<String, String> of(DesiredState desired, LiveState live) {
    Map<String, String> out = ofLive(live);
    for (var k : desired.byKey().keySet()) out.putIfAbsent(k.toString(), ABSENT);
    return out;
  }

  /** Fingerprints of every live object, by resource key. */
  public static Map<String, String> ofLive(LiveState live) {
    Map<String, String> out = new TreeMap<>();
    LiveIndex index = new LiveIndex(live);
    for (var a : live.attributes()) out.put(key(Kind.ATTRIBUTE, a.key()), hash(a));
    for (var e : live.events()) {
      if (!Ownership.LOCK_EVENT_KEY.equals(e.key())) out.put(key(Kind.EVENT, e.key()), hash(e));
    }
    for (var a : live.audiences()) out.put(key(Kind.AUDIENCE, a.name()), hash(a));
    for (LiveExperience e : live.experiences()) {
      List<Object> parts = new ArrayList<>();
      parts.add(e);
      index.live.variantGroupOf(e).ifPresent(parts::add);
      parts.addAll(ExperienceViews.liveContent(e, index));
      out.put(key(Kind.EXPERIENCE, e.name()), hash(parts));
    }
    out.put(key(Kind.PRIORITY, ResourceKey.PRIORITY_NAME), hash(live.priorityOrder()));
    return out;
  }

  /**
   * Planned keys whose fingerprint differs now, each with what happened ("changed", "was created",
   * "was deleted").
   */
  public static List<String> differences(Map<String, String> planned, Map<String, String> now) {
    List<String> out = new ArrayList<>();
    for (var e : planned.entrySet()) {
      String current = now.getOrDefault(e.getKey(), ABSENT);
      if (current.equals(e.getValue())) continue;
      if (e.getValue().equals(ABSENT)) out.add(e.getKey() + " was created");
      else if (current.equals(ABSENT)) out.add(e.getKey() + " was deleted");
      else out.add(e.getKey() + " changed");
    }
    return out;
  }

  private static String key(Kind kind, String name) {
    return new ResourceKey(kind, name).toString();
  }

  static String hash(Object o) {
    try {
      byte[] json = M.writeValueAsBytes(o);
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(json)).substring(0, 16);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint " + o.getClass().getSimpleName(), e);
    }
  }

  public static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
