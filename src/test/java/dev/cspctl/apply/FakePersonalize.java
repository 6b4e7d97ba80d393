package dev.cspctl.apply;

import static dev.cspctl.apply.RecordingApis.args;

import dev.cspctl.api.Api;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.api.personalize.AttributeInput;
import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.api.personalize.EventInput;
import dev.cspctl.api.personalize.ExperienceInput;
import dev.cspctl.api.personalize.PersonalizePort;
import dev.cspctl.api.personalize.RemoteAttribute;
import dev.cspctl.api.personalize.RemoteAudience;
import dev.cspctl.api.personalize.RemoteEvent;
import dev.cspctl.api.personalize.RemoteExperience;
import dev.cspctl.api.personalize.Version;
import dev.cspctl.api.personalize.VersionInput;
import dev.cspctl.api.personalize.VersionStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The Personalize port of {@link RecordingApis}: every call recorded there, state kept there. */
final class FakePersonalize implements PersonalizePort {
  private final RecordingApis apis;
  private final ResourceRef scope;

  FakePersonalize(RecordingApis apis, ResourceRef scope) {
    this.apis = apis;
    this.scope = scope;
  }

  private <T> T call(String method, Object body, List<String> args, Supplier<T> effect) {
    return apis.call(Api.PERSONALIZE, scope, method, body, args, effect);
  }

  private void run(String method, List<String> args, Runnable effect) {
    call(
        method,
        null,
        args,
        () -> {
          effect.run();
          return null;
        });
  }

  private <T> T existing(Map<String, T> m, String uid, String method) {
    T t = m.get(uid);
    if (t == null) throw RecordingApis.notFound(Api.PERSONALIZE, method, scope);
    return t;
  }

  @Override
  public PersonalizePort about(ResourceRef ref) {
    return new FakePersonalize(apis, ref);
  }

  @Override
  public List<RemoteAttribute> listAttributes() {
    return call("listAttributes", null, List.of(), () -> List.copyOf(apis.attributes.values()));
  }

  @Override
  public RemoteAttribute createAttribute(AttributeInput in) {
    return call(
        "createAttribute",
        in,
        args(in.key()),
        () -> {
          RemoteAttribute a =
              new RemoteAttribute(apis.uid(), in.key(), in.name(), in.description(), "CUSTOM");
          apis.attributes.put(a.uid(), a);
          return a;
        });
  }

  @Override
  public RemoteAttribute updateAttribute(String uid, AttributeInput in) {
    return call(
        "updateAttribute",
        in,
        args(uid, in.key()),
        () -> {
          existing(apis.attributes, uid, "updateAttribute");
          RemoteAttribute a =
              new RemoteAttribute(uid, in.key(), in.name(), in.description(), "CUSTOM");
          apis.attributes.put(uid, a);
          return a;
        });
  }

  @Override
  public void deleteAttribute(String uid) {
    run(
        "deleteAttribute",
        args(uid),
        () -> apis.attributes.remove(existing(apis.attributes, uid, "deleteAttribute").uid()));
  }

  @Override
  public List<RemoteEvent> listEvents() {
    return call("listEvents", null, List.of(), () -> List.copyOf(apis.events.values()));
  }

  @Override
  public RemoteEvent createEvent(EventInput in) {
    return call(
        "createEvent",
        in,
        args(in.key()),
        () -> {
          RemoteEvent e = new RemoteEvent(apis.uid(), in.key(), in.description(), null);
          apis.events.put(e.uid(), e);
          return e;
        });
  }

  @Override
  public RemoteEvent updateEvent(String uid, EventInput in) {
    return call(
        "updateEvent",
        in,
        args(uid, in.key()),
        () -> {
          existing(apis.events, uid, "updateEvent");
          RemoteEvent e = new RemoteEvent(uid, in.key(), in.description(), null);
          apis.events.put(uid, e);
          return e;
        });
  }

  @Override
  public void deleteEvent(String uid) {
    run(
        "deleteEvent",
        args(uid),
        () -> apis.events.remove(existing(apis.events, uid, "deleteEvent").uid()));
  }

  @Override
  public List<RemoteAudience> listAudiences() {
    return call("listAudiences", null, List.of(), () -> List.copyOf(apis.audiences.values()));
  }

  @Override
  public RemoteAudience createAudience(AudienceInput in) {
    return call(
        "createAudience",
        in,
        args(in.name()),
        () -> {
          RemoteAudience a =
              new RemoteAudience(
                  apis.uid(), in.name(), in.description(), in.definition(), null, null);
          apis.audiences.put(a.uid(), a);
          return a;
        });
  }

  @Override
  public RemoteAudience updateAudience(String uid, AudienceInput in) {
    return call(
        "updateAudience",
        in,
        args(uid, in.name()),
        () -> {
          existing(apis.audiences, uid, "updateAudience");
          RemoteAudience a =
              new RemoteAudience(uid, in.name(), in.description(), in.definition(), null, null);
          apis.audiences.put(uid, a);
          return a;
        });
  }

  @Override
  public void deleteAudience(String uid) {
    run(
        "deleteAudience",
        args(uid),
        () -> apis.audiences.remove(existing(apis.audiences, uid, "deleteAudience").uid()));
  }

  @Override
  public List<RemoteExperience> listExperiences() {
    return call(
        "listExperiences",
        null,
        List.of(),
        () -> apis.experiences.values().stream().map(RecordingApis.Exp::view).toList());
  }

  @Override
  public RemoteExperience getExperience(String uid) {
    return call(
        "getExperience",
        null,
        args(uid),
        () -> apis.getExperience(existing(apis.experiences, uid, "getExperience")));
  }

  @Override
  public RemoteExperience createExperience(ExperienceInput in) {
    return call(
        "createExperience",
        in,
        args(in.name()),
        () -> {
          RecordingApis.Exp e =
              new RecordingApis.Exp(apis.uid(), in.name(), in.description(), in.type(), in.tags());
          e.versions.add(new Version(apis.uid(), VersionStatus.DRAFT, List.of(), List.of()));
          apis.experiences.put(e.uid, e);
          apis.priority.add(e.uid);
          return e.view();
        });
  }

  @Override
  public RemoteExperience updateExperience(String uid, ExperienceInput in) {
    return call(
        "updateExperience",
        in,
        args(uid, in.name()),
        () -> {
          RecordingApis.Exp e = existing(apis.experiences, uid, "updateExperience");
          e.name = in.name();
          e.description = in.description();
          e.type = in.type();
          e.tags = in.tags();
          return e.view();
        });
  }

  @Override
  public void deleteExperience(String uid) {
    run(
        "deleteExperience",
        args(uid),
        () -> {
          apis.experiences.remove(existing(apis.experiences, uid, "deleteExperience").uid);
          apis.priority.remove(uid);
        });
  }

  @Override
  public List<Version> listVersions(String experienceUid) {
    return call(
        "listVersions",
        null,
        args(experienceUid),
        () -> List.copyOf(existing(apis.experiences, experienceUid, "listVersions").versions));
  }

  @Override
  public Version createVersion(String experienceUid, VersionInput in) {
    return call(
        "createVersion",
        in,
        args(experienceUid, in.status()),
        () -> {
          RecordingApis.Exp e = existing(apis.experiences, experienceUid, "createVersion");
          Version v = new Version(apis.uid(), in.status(), List.of(), List.of());
          e.versions.add(v);
          return v;
        });
  }

  @Override
  public Version updateVersion(String experienceUid, String versionUid, VersionInput in) {
    return call(
        "updateVersion",
        in,
        args(experienceUid, versionUid, in.status()),
        () ->
            apis.putVersion(
                existing(apis.experiences, experienceUid, "updateVersion"), versionUid, in));
  }

  @Override
  public List<String> getPriority() {
    return call("getPriority", null, List.of(), () -> List.copyOf(apis.priority));
  }

  @Override
  public void setPriority(List<String> experienceUids) {
    run(
        "setPriority",
        args(String.join(",", experienceUids)),
        () -> {
          apis.priority.clear();
          apis.priority.addAll(experienceUids);
        });
  }
}
