package dev.cspctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Test;

/** Drop-after-commit as the Apache client (a main dependency) sees it: NoHttpResponseException. */
class ApacheClientDropTest {
  @Test
  void dropAfterCommitIsNoHttpResponseAndTheWriteExists() throws Exception {
    try (Emulator emu = Emulator.start(EmulatorConfig.builder().faults("drop:1.0").build());
        CloseableHttpClient client = HttpClients.createDefault()) {
      HttpPost post = new HttpPost(emu.personalizeUrl() + "/attributes");
      post.setHeader("authtoken", emu.credentials().authtoken());
      post.setHeader("x-project-uid", emu.credentials().projectUid());
      post.setEntity(
          new StringEntity("{\"name\":\"Age\",\"key\":\"age\"}", ContentType.APPLICATION_JSON));
      assertThatThrownBy(() -> client.execute(post, response -> response.getCode()))
          .isInstanceOf(NoHttpResponseException.class);
      assertThat(emu.stateDump()).contains("\"key\" : \"age\"");
    }
  }
}
