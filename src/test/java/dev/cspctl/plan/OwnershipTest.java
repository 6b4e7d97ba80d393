package dev.cspctl.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cspctl.plan.Ownership.Claim;
import org.junit.jupiter.api.Test;

class OwnershipTest {
  static final String P1 = "65f0c0ffee0123456789abcd";
  static final String P2 = "66aaaaaaaaaaaaaaaaaaaaaa";
  final Ownership web = Ownership.of("web-team", P1);

  @Test
  void theMarkerNamesOwnerAndProjectAndTheDefaultOwnerIsDefault() {
    assertThat(web.marked("Premium shoppers"))
        .isEqualTo("Premium shoppers [managed by cspctl owner=web-team project=" + P1 + "]");
    assertThat(web.marked("")).isEqualTo("[managed by cspctl owner=web-team project=" + P1 + "]");
    assertThat(Ownership.of(null, P1).marker())
        .isEqualTo("[managed by cspctl owner=default project=" + P1 + "]");
    assertThat(Ownership.of("  ", P1).owner()).isEqualTo(Ownership.DEFAULT_OWNER);
  }

  @Test
  void claimsTellOursLegacyAnotherOwnerAndACopy() {
    assertThat(web.claim("made in the UI")).isEqualTo(Claim.NONE);
    assertThat(web.claim(null)).isEqualTo(Claim.NONE);
    assertThat(web.claim("x " + web.marker())).isEqualTo(Claim.OURS);
    assertThat(web.claim("x [managed by cspctl]")).isEqualTo(Claim.LEGACY);
    assertThat(web.claim("x " + Ownership.of("mobile", P1).marker())).isEqualTo(Claim.OTHER_OWNER);
    assertThat(web.claim("x " + Ownership.of("web-team", P2).marker()))
        .isEqualTo(Claim.OTHER_PROJECT);
    assertThat(web.owns("x [managed by cspctl]")).isTrue();
    assertThat(web.owns("x " + web.marker())).isTrue();
    assertThat(web.owns("x " + Ownership.of("mobile", P1).marker())).isFalse();
    assertThat(web.owns("x " + Ownership.of("web-team", P2).marker())).isFalse();
  }

  @Test
  void withoutAnIdentityEveryMarkerIsManagedAndTheLegacyMarkerIsWritten() {
    assertThat(Ownership.ANY.owns("x " + Ownership.of("mobile", P2).marker())).isTrue();
    assertThat(Ownership.isManaged("x [managed by cspctl]")).isTrue();
    assertThat(Ownership.mark("x")).isEqualTo("x [managed by cspctl]");
  }

  @Test
  void stripRemovesEveryFormAndMarkingReplacesAnOldMarker() {
    assertThat(Ownership.strip("Nice [managed by cspctl]")).isEqualTo("Nice");
    assertThat(Ownership.strip("Nice " + web.marker())).isEqualTo("Nice");
    assertThat(Ownership.strip(web.marker() + " Nice")).isEqualTo("Nice");
    assertThat(web.marked("Nice [managed by cspctl]")).isEqualTo("Nice " + web.marker());
    assertThat(web.marked("Nice " + Ownership.of("x", P2).marker()))
        .isEqualTo("Nice " + web.marker());
  }

  @Test
  void adoptionNotesSayWhyAMarkedResourceIsAdopted() {
    assertThat(web.adoptionNotes("x " + Ownership.of("web-team", P2).marker()))
        .singleElement()
        .asString()
        .contains("names project " + P2)
        .contains("copy");
    assertThat(web.adoptionNotes("x " + Ownership.of("mobile", P1).marker()))
        .singleElement()
        .asString()
        .contains("owner 'mobile'")
        .contains("owner 'web-team' here");
    assertThat(web.adoptionNotes("x [managed by cspctl]")).isEmpty();
    assertThat(web.adoptionNotes("made in the UI")).isEmpty();
  }

  @Test
  void anOwnerThatCannotStandInTheMarkerIsRefused() {
    assertThatThrownBy(() -> Ownership.of("web team]", P1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
