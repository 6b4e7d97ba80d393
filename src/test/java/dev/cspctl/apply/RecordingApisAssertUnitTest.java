package dev.cspctl.apply;

import static dev.cspctl.apply.RecordingApisAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cspctl.api.personalize.AudienceInput;
import dev.cspctl.api.personalize.EventInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingApisAssertUnitTest {
  private final RecordingApis apis = new RecordingApis();

  @BeforeEach
  void threeCalls() {
    apis.personalize().createEvent(new EventInput("signup", ""));
    apis.personalize().createAudience(new AudienceInput("Premium", "", null));
    apis.personalize().createEvent(new EventInput("click", ""));
  }

  @Test
  void passesOnCallsMadeInThatOrder() {
    assertThat(apis)
        .called("createEvent", "signup")
        .before("createAudience", "Premium")
        .before("createEvent", "click");
    assertThat(apis).called("createAudience").then("createEvent", "click");
    assertThat(apis)
        .calledOnce("createAudience", "Premium")
        .calledTimes(2, "createEvent")
        .neverCalled("deleteEvent");
    assertThat(apis)
        .calls()
        .containsExactly("createEvent(signup)", "createAudience(Premium)", "createEvent(click)");
  }

  @Test
  void failsNamingTheHistory() {
    assertThatThrownBy(
            () -> assertThat(apis).called("createAudience").before("createEvent", "signup"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected createAudience(Premium) before createEvent(signup)")
        .hasMessageContaining("createEvent(click)");
    assertThatThrownBy(() -> assertThat(apis).called("createEvent", "click").then("createAudience"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("after createEvent(click)");
    assertThatThrownBy(() -> assertThat(apis).calledOnce("createEvent"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("called 2 time(s)");
    assertThatThrownBy(() -> assertThat(apis).neverCalled("createAudience"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected createAudience(…) 0 time(s)");
    assertThatThrownBy(() -> assertThat(apis).called("deleteEvent"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected a call deleteEvent(…)");
  }

  @Test
  void keyArgumentsArePrefixesAndTheFakeFailsWhatItIsTold() {
    assertThat(apis).called("createEvent", "click");
    assertThatThrownBy(() -> assertThat(apis).called("createEvent", "click", "extra"))
        .isInstanceOf(AssertionError.class);
    apis.failNext("createEvent", 503, "late");
    assertThatThrownBy(() -> apis.personalize().createEvent(new EventInput("late", "")))
        .isInstanceOf(dev.cspctl.api.RemoteApiException.class)
        .hasMessageContaining("(503)");
    org.assertj.core.api.Assertions.assertThat(apis.events).hasSize(2);
    apis.loseReplyOfNext("createEvent");
    assertThatThrownBy(() -> apis.personalize().createEvent(new EventInput("lost", "")))
        .isInstanceOf(dev.cspctl.api.ResponseLostException.class);
    org.assertj.core.api.Assertions.assertThat(apis.events).hasSize(3);
  }
}
