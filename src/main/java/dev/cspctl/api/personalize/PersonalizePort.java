package dev.cspctl.api.personalize;

import dev.cspctl.api.ResourceRef;
import java.util.List;

/**
 * The Personalize calls apply makes: exactly what the step classes use, so a recording fake can
 * stand in for {@link PersonalizeClient} in unit tests. Failures are {@link
 * dev.cspctl.api.RemoteApiException}s, as from the client.
 */
public interface PersonalizePort {
  /** A view of this port whose errors name {@code ref} (e.g. experience "Homepage hero"). */
  PersonalizePort about(ResourceRef ref);

  List<RemoteAttribute> listAttributes();

  RemoteAttribute createAttribute(AttributeInput in);

  RemoteAttribute updateAttribute(String uid, AttributeInput in);

  void deleteAttribute(String uid);

  List<RemoteEvent> listEvents();

  RemoteEvent createEvent(EventInput in);

  RemoteEvent updateEvent(String uid, EventInput in);

  void deleteEvent(String uid);

  List<RemoteAudience> listAudiences();

  RemoteAudience createAudience(AudienceInput in);

  RemoteAudience updateAudience(String uid, AudienceInput in);

  void deleteAudience(String uid);

  List<RemoteExperience> listExperiences();

  /** Summary fields, incl. {@code _cms} (filled asynchronously after a version gains variants). */
  RemoteExperience getExperience(String uid);

  /**
   * Creates the experience and an empty DRAFT version ({@link RemoteExperience#latestVersion()}).
   */
  RemoteExperience createExperience(ExperienceInput in);

  RemoteExperience updateExperience(String uid, ExperienceInput in);

  void deleteExperience(String uid);

  List<Version> listVersions(String experienceUid);

  Version createVersion(String experienceUid, VersionInput in);

  /** Full replacement: {@code in} carries status and every variant. */
  Version updateVersion(String experienceUid, String versionUid, VersionInput in);

  /** Experience uids, highest priority first. */
  List<String> getPriority();

  /** Every experience uid of the project, highest first. */
  void setPriority(List<String> experienceUids);
}
